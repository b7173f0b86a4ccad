// Drives a program in a real terminal: a private tmux server (its own socket), keys sent with
// send-keys, the screen read with capture-pane, polled until the expected text appears.
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

export interface Tmux {
  send(...keys: string[]): void;
  /** Literal text, not key names. */
  type(text: string): void;
  screen(): string;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  waitForNo(text: string | RegExp, timeoutMs?: number): Promise<string>;
  resize(columns: number, rows: number): void;
  display(format: string): string;
  /** Any tmux command on this server (set-option, show-buffer…); its output. */
  command(...args: string[]): string;
  kill(): void;
}

export function startTmux(command: string, columns = 120, rows = 36): Tmux {
  const socket = `cn-e2e-${randomUUID().slice(0, 8)}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  tmux('-f', '/dev/null', 'new-session', '-d', '-x', String(columns), '-y', String(rows), command);
  tmux('set-option', '-g', 'window-size', 'manual');
  const screen = () => tmux('capture-pane', '-p');
  // Polls read the screen without blocking this process, which often runs the sandbox and the
  // receivers the program talks to: a blocking capture starved them on a busy machine.
  const capture = () =>
    new Promise<string>((resolve, reject) =>
      execFile('tmux', ['-L', socket, 'capture-pane', '-p'], { encoding: 'utf8' }, (error, out) =>
        error ? reject(error) : resolve(out),
      ),
    );
  const poll = async (ok: (s: string) => boolean, what: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    // A capture can catch a frame half written (the terminal draws a frame's bytes as they come, and a
    // busy machine splits them): a screen counts once two captures in a row agree.
    let previous: string | undefined;
    for (;;) {
      const s = await capture();
      if (ok(s) && s === previous) return s;
      previous = s;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${s}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const has = (s: string, text: string | RegExp) =>
    typeof text === 'string' ? s.includes(text) : text.test(s);
  return {
    send: (...keys) => void tmux('send-keys', ...keys),
    type: (text) => void tmux('send-keys', '-l', text),
    screen,
    waitFor: (text, timeoutMs = 10_000) => poll((s) => has(s, text), String(text), timeoutMs),
    waitForNo: (text, timeoutMs = 10_000) => poll((s) => !has(s, text), `no ${String(text)}`, timeoutMs),
    resize: (c, r) => void tmux('resize-window', '-x', String(c), '-y', String(r)),
    display: (format) => tmux('display-message', '-p', format).trim(),
    command: (...args) => tmux(...args),
    kill: () => {
      try {
        tmux('kill-server');
      } catch {
        // Already gone.
      }
    },
  };
}

/** Quotes for the shell command that tmux runs. */
export function sh(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The shell command that runs the built binary with no argument (the TUI) in a home of its own, on
 * the sandbox of `sandboxData`, with no credentials and colours on; it prints EXIT= and stays, so
 * that the screen can be read after it quits.
 */
export function builtTuiCommand(binary: string, home: string, sandboxData: string): string {
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: `${home}/.config`,
    XDG_DATA_HOME: `${home}/.local/share`,
    XDG_CACHE_HOME: `${home}/.cache`,
    CLEVER_NOTIFY_CONFIG_DIR: `${home}/settings`,
    CLEVER_NOTIFY_SANDBOX_DATA: sandboxData,
    CONFIGURATION_FILE: `${home}/no-clever-tools.json`,
    TERM: 'xterm-256color',
    // As on a CI runner, where Ink alone would draw nothing until exit: the TUI must draw anyway.
    CI: 'true',
  };
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${sh(v)}`);
  const unset = ['CLEVER_TOKEN', 'CLEVER_SECRET', 'CLEVER_API_TOKEN', 'API_HOST', 'NO_COLOR'].map(
    (v) => `-u ${v}`,
  );
  return `env ${unset.join(' ')} ${assignments.join(' ')} ${sh(process.execPath)} ${sh(binary)}; echo EXIT=$?; sleep 600`;
}
