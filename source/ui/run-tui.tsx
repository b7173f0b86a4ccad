// `clever-notify tui`: checks for a terminal, takes the alternate screen, draws the first frame, and
// only then loads the client (and maybe starts the embedded sandbox) behind it.
import { render } from 'ink';
import { UserError } from '../domain/errors.js';
import { keepHeapLean } from '../runtime/lean-heap.js';
import { App } from './app/app.js';
import type { TuiSession } from './app/session.js';
import { startIdleCollector } from './terminal/idle-collector.js';
import { enterFullScreen } from './terminal/screen.js';

export interface TuiOptions {
  sandbox?: boolean;
}

export const NO_TTY_MESSAGE =
  'the TUI needs a terminal; in scripts use `clever-notify webhooks` (or `clever-notify notify-email`) instead';

export async function runTui(options: TuiOptions = {}): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError(NO_TTY_MESSAGE, 2);
  // About 24 MB of live heap with 5,000 apps and 2,000 webhooks, 120-190 MB resident without this.
  keepHeapLean();
  const screen = enterFullScreen();
  // Every attempt to connect, so that quitting while one is still under way closes it too (an
  // embedded sandbox would otherwise keep the process alive).
  const sessions: Promise<TuiSession>[] = [];
  const open = (): Promise<TuiSession> => {
    const session = openSession(options);
    sessions.push(session);
    return session;
  };
  const collector = startIdleCollector();
  const instance = render(
    <App open={open} onQuit={() => instance.unmount()} onActivity={collector.activity} />,
    {
      exitOnCtrlC: false,
      patchConsole: false,
      // Enough for smooth scrolling; bursts of state changes between frames are coalesced.
      maxFps: 30,
    },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    collector.stop();
    screen.leave();
    const opened = await Promise.allSettled(sessions);
    await Promise.all(opened.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)));
  }
}

async function openSession(options: TuiOptions): Promise<TuiSession> {
  const [{ connect }, { resolveCredentials }, { openSettings }] = await Promise.all([
    import('../startup/connection.js'),
    import('../api/credentials.js'),
    import('../settings/settings.js'),
  ]);
  const hasCredentials = (await resolveCredentials()) !== undefined;
  const connection = await connect({ ...(options.sandbox ? { sandbox: true } : {}), quiet: true });
  let settings: ReturnType<typeof openSettings> | undefined;
  try {
    settings = openSettings();
  } catch {
    // Unreadable settings must not keep the TUI from opening; nothing will be remembered.
    settings = undefined;
  }
  const lastOwnerId = settings?.get('lastOwnerId');
  return {
    api: connection.api,
    credentials: connection.credentials,
    showWelcome:
      !hasCredentials && connection.api.target.kind === 'sandbox' && !settings?.get('welcomeShown'),
    ...(lastOwnerId ? { lastOwnerId } : {}),
    rememberOwner: (ownerId) => settings?.set('lastOwnerId', ownerId),
    welcomeSeen: () => settings?.set('welcomeShown', true),
    close: () => connection.close(),
  };
}
