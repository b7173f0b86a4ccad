// The shell command that runs the built binary's TUI in tmux against a test sandbox, as a new user
// on this machine would (a fresh HOME, no clever-tools profile, no credentials in the environment).
import path from 'node:path';
import { sh } from './tmux.js';

export const BINARY = path.resolve(import.meta.dirname, '../../dist/cli.js');

export function tuiCommand(home: string, sandboxDataDir: string): string {
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    CLEVER_NOTIFY_CONFIG_DIR: path.join(home, 'settings'),
    CLEVER_NOTIFY_SANDBOX_DATA: sandboxDataDir,
    CONFIGURATION_FILE: path.join(home, 'no-clever-tools.json'),
    TERM: 'xterm-256color',
  };
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${sh(v)}`);
  const unset = ['CLEVER_TOKEN', 'CLEVER_SECRET', 'CLEVER_API_TOKEN', 'API_HOST', 'NO_COLOR', 'CI'].map(
    (v) => `-u ${v}`,
  );
  return `env ${unset.join(' ')} ${assignments.join(' ')} ${sh(process.execPath)} ${sh(BINARY)}; echo EXIT=$?; sleep 600`;
}
