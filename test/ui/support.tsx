// Renders the TUI with ink-testing-library against a real sandbox through the real client, and waits
// for frames instead of sleeping.
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import { resolveCredentials } from '../../source/api/credentials.js';
import { openSettings, saveTableSort } from '../../source/settings/settings.js';
import { App } from '../../source/ui/app/app.js';
import type { TuiSession } from '../../source/ui/app/session.js';
import { startWorld } from '../../source/ui/app/world.js';
import type { TerminalSize } from '../../source/ui/terminal/use-terminal-size.js';
import { colorTheme, type Theme } from '../../source/ui/theme/theme.js';
import type { TestSandbox } from '../support/sandbox.js';

export async function sandboxApi(sandbox: TestSandbox): Promise<HttpCleverApi> {
  const credentials = await resolveCredentials(sandbox.env);
  if (!credentials) throw new Error('the test sandbox gave no credentials');
  return new HttpCleverApi(credentials, { kind: 'sandbox', retries: 0 });
}

export interface RenderedApp {
  frame(): string;
  /** Every frame Ink drew, in order. */
  frames(): string[];
  press(...keys: string[]): Promise<void>;
  waitFor(text: string | RegExp, timeout?: number): Promise<string>;
  waitForNo(text: string | RegExp, timeout?: number): Promise<string>;
  quitCalls(): number;
  /** Everything written to the terminal, frames and sequences alike (OSC 52 copies). */
  written(): string;
  resize(size: TerminalSize): void;
  api: HttpCleverApi;
  unmount(): Promise<void>;
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  delete: '\u001B[3~',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  space: ' ',
  ctrlC: '\u0003',
} as const;

export async function renderApp(
  sandbox: TestSandbox,
  options: {
    size?: TerminalSize;
    theme?: Theme;
    showWelcome?: boolean;
    /** The owner looked at last (the settings' `lastOwnerId`). */
    lastOwnerId?: string;
    api?: HttpCleverApi;
    live?: boolean;
    /** The settings folder (CLEVER_NOTIFY_CONFIG_DIR): the tables' sorts are read and kept there. */
    settingsDir?: string;
    /**
     * Mounted as the binary does: connected and the first screen's answers in before the App is
     * rendered (otherwise the App connects after its first frame).
     */
    connected?: boolean;
  } = {},
): Promise<RenderedApp> {
  const api = options.api ?? (await sandboxApi(sandbox));
  let quits = 0;
  const credentials = await resolveCredentials(sandbox.env);
  if (!credentials) throw new Error('the test sandbox gave no credentials');
  const settings = options.settingsDir
    ? openSettings({ CLEVER_NOTIFY_CONFIG_DIR: options.settingsDir })
    : undefined;
  const tableSorts = settings?.get('tableSorts');
  const session: TuiSession = {
    api,
    credentials: { apiHost: credentials.apiHost, authorization: credentials.authorization },
    showWelcome: options.showWelcome ?? false,
    ...(options.lastOwnerId ? { lastOwnerId: options.lastOwnerId } : {}),
    ...(tableSorts ? { tableSorts } : {}),
    ...(settings ? { rememberSort: (table, sort) => saveTableSort(settings, table, sort) } : {}),
    rememberOwner: () => {},
    welcomeSeen: () => {},
    close: () => api.close(),
  };
  let size = options.size ?? { columns: 120, rows: 36 };
  const world = options.connected ? startWorld(session) : undefined;
  await world?.firstScreen;
  const instance = render(
    <App
      {...(world ? { world } : {})}
      open={async () => startWorld(session)}
      onQuit={() => {
        quits++;
      }}
      {...(options.live ? {} : { size })}
      theme={options.theme ?? colorTheme}
    />,
  );
  // ink-testing-library's terminal is 100 columns wide: give Ink the size under test, as a resize.
  const resize = (next: TerminalSize) => {
    size = next;
    instance.stdout.emit('resize');
  };
  Object.defineProperty(instance.stdout, 'columns', { get: () => size.columns, configurable: true });
  Object.defineProperty(instance.stdout, 'rows', { get: () => size.rows, configurable: true });
  resize(size);
  const frame = () => stripAnsi(instance.lastFrame() ?? '');
  const matches = (text: string | RegExp) =>
    typeof text === 'string' ? frame().includes(text) : text.test(frame());
  const rendered: RenderedApp = {
    frame,
    frames: () => instance.frames.map(stripAnsi),
    async press(...keys) {
      for (const key of keys) {
        instance.stdin.write(key);
        // Ink holds a lone Escape until the next turn to see whether a sequence follows, and React
        // renders on the turn after the input: yield to both before the next key.
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async waitFor(text, timeout = 5000) {
      await vi.waitFor(
        () => {
          if (!matches(text)) throw new Error(`no ${String(text)} in:\n${frame()}`);
        },
        { timeout, interval: 10 },
      );
      return frame();
    },
    async waitForNo(text, timeout = 5000) {
      await vi.waitFor(
        () => {
          if (matches(text)) throw new Error(`still ${String(text)} in:\n${frame()}`);
        },
        { timeout, interval: 10 },
      );
      return frame();
    },
    quitCalls: () => quits,
    written: () => instance.frames.join(''),
    resize,
    api,
    async unmount() {
      instance.unmount();
      await api.close();
    },
  };
  return rendered;
}

export function stripAnsi(text: string): string {
  return text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');
}
