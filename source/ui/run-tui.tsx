// `clever-notify tui`: checks for a terminal, takes the alternate screen, and draws the App. The session
// opens and the first screen's requests (who, the owners, the first owner's hooks, the event
// catalogue) leave before React and Ink are loaded; the App is mounted once their answers are in, so
// that Ink's first frame is the one with the rows (docs/performance.md measures the time to them).
import { UserError } from '../domain/errors.js';
import type { World } from './app/world.js';
import { enterFullScreen } from './terminal/screen.js';

export interface TuiOptions {
  sandbox?: boolean;
}

/**
 * How long the interface's modules wait for the first requests to leave (the first owner's hooks wait
 * for the summary, which names that owner): loading them keeps the only thread busy, and an answer that
 * arrives meanwhile waits for it.
 */
const HEAD_START_MS = 150;

/**
 * The longest the first frame waits for the first screen's answers once the interface is loaded: a
 * local API has answered by then (its answers wait only for the CPU); a slow one gets the App's
 * loading frame then, rather than a longer blank screen.
 */
const FIRST_SCREEN_MS = 250;

export const NO_TTY_MESSAGE =
  'the TUI needs a terminal; in scripts use `clever-notify webhooks` (or `clever-notify notify-email`) instead';

export async function runTui(options: TuiOptions = {}): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError(NO_TTY_MESSAGE, 2);
  const first = openWorld(options);
  // The App reports a failure of it when it asks; until then it must not count as unhandled.
  first.catch(() => undefined);
  // Every attempt to connect, so that quitting while one is still under way closes it too (an
  // embedded sandbox would otherwise keep the process alive).
  const worlds: Promise<World>[] = [first];
  let firstTaken = false;
  const open = (): Promise<World> => {
    if (!firstTaken) {
      firstTaken = true;
      return first;
    }
    const world = openWorld(options);
    worlds.push(world);
    return world;
  };
  const screen = enterFullScreen();
  try {
    await Promise.race([first.then((w) => w.asked), setTimeoutPromise(HEAD_START_MS)]).catch(() => undefined);
    const [{ render }, { App }] = await Promise.all([import('ink'), import('./app/app.js')]);
    let world: World | undefined;
    void first.then(
      (w) => {
        world = w;
      },
      () => undefined,
    );
    await Promise.race([first.then((w) => w.firstScreen), setTimeoutPromise(FIRST_SCREEN_MS)]).catch(
      () => undefined,
    );
    // Given the world (its first screen in, or still loading once the wait is over), the App draws
    // from it; otherwise it opens it after a first frame that says it is connecting.
    if (world) firstTaken = true;
    const instance = render(
      <App {...(world ? { world } : {})} open={open} onQuit={() => instance.unmount()} />,
      {
        exitOnCtrlC: false,
        patchConsole: false,
        // Enough for smooth scrolling; bursts of state changes between frames are coalesced.
        maxFps: 30,
      },
    );
    await instance.waitUntilExit();
  } finally {
    screen.leave();
    const opened = await Promise.allSettled(worlds);
    await Promise.all(
      opened.map((w) => {
        if (w.status !== 'fulfilled') return undefined;
        w.value.live.close();
        return w.value.session.close();
      }),
    );
  }
}

/** Opens the session (the settings, the connection) and starts its live model's first load. */
async function openWorld(options: TuiOptions): Promise<World> {
  const [{ connect }, { resolveCredentials }, { openSettings, saveTableSort }, { startWorld }] =
    await Promise.all([
      import('../startup/connection.js'),
      import('../api/credentials.js'),
      import('../settings/settings.js'),
      import('./app/world.js'),
    ]);
  let settings: ReturnType<typeof openSettings> | undefined;
  try {
    settings = openSettings();
  } catch {
    // Unreadable settings must not keep the TUI from opening; nothing will be remembered.
    settings = undefined;
  }
  const lastOwnerId = settings?.get('lastOwnerId');
  const tableSorts = settings?.get('tableSorts');
  const hasCredentials = (await resolveCredentials()) !== undefined;
  const connection = await connect({ ...(options.sandbox ? { sandbox: true } : {}), quiet: true });
  return startWorld({
    api: connection.api,
    credentials: connection.credentials,
    showWelcome:
      !hasCredentials && connection.api.target.kind === 'sandbox' && !settings?.get('welcomeShown'),
    ...(lastOwnerId ? { lastOwnerId } : {}),
    rememberOwner: (ownerId) => settings?.set('lastOwnerId', ownerId),
    ...(tableSorts ? { tableSorts } : {}),
    rememberSort: (table, sort) => settings && saveTableSort(settings, table, sort),
    welcomeSeen: () => settings?.set('welcomeShown', true),
    close: () => connection.close(),
  });
}

function setTimeoutPromise(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
