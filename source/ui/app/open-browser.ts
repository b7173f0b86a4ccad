// Opening a page in the user's browser, at the edge: a detached opener, or nothing when none can run.
import { spawn } from 'node:child_process';

/** The opener of this system, or undefined when no browser can be shown (Linux with no display: SSH). */
export function browserOpener(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string | undefined {
  if (platform === 'darwin') return 'open';
  if (platform === 'win32') return undefined;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? 'xdg-open' : undefined;
}

/** Starts the opener detached (it outlives the TUI, its output stays off the screen); false if it cannot start. */
export function openDetached(command: string, url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
