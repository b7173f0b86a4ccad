// `clever-notify tui`: checks for a terminal, takes the alternate screen, and draws the App. The first
// requests (the account's summary, the hooks of the owner it will open on, the event catalogue) leave
// before React and Ink are loaded, and their answers wait for the App: the network and the loading
// of the interface overlap (docs/performance.md measures the time to the first hook rows).
import type { CleverApi } from '../api/types.js';
import { UserError } from '../domain/errors.js';
import type { TuiSession } from './app/session.js';
import { enterFullScreen } from './terminal/screen.js';

export interface TuiOptions {
  sandbox?: boolean;
}

/**
 * How long the interface's modules wait for the first answer (the summary, which names the owner
 * whose hooks are asked next): a local API answers well within it, a slow one does not hold the first
 * frame back for long.
 */
const HEAD_START_MS = 150;

export const NO_TTY_MESSAGE =
  'the TUI needs a terminal; in scripts use `clever-notify webhooks` (or `clever-notify notify-email`) instead';

export async function runTui(options: TuiOptions = {}): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError(NO_TTY_MESSAGE, 2);
  let summaryIn: (value?: unknown) => void = () => undefined;
  const firstAnswer = new Promise((resolve) => {
    summaryIn = resolve;
  });
  const first = openSession(options, summaryIn);
  // The App reports a failure of it when it asks; until then it must not count as unhandled.
  first.catch(() => summaryIn());
  // Every attempt to connect, so that quitting while one is still under way closes it too (an
  // embedded sandbox would otherwise keep the process alive).
  const sessions: Promise<TuiSession>[] = [first];
  let firstTaken = false;
  const open = (): Promise<TuiSession> => {
    if (!firstTaken) {
      firstTaken = true;
      return first;
    }
    const session = openSession(options, undefined);
    sessions.push(session);
    return session;
  };
  const screen = enterFullScreen();
  try {
    // Loading React, Ink and the App keeps the CPU busy for a while, and an answer that arrives
    // meanwhile waits for it: let the summary in first, so that the hooks it leads to are asked now.
    let headStart: NodeJS.Timeout | undefined;
    await Promise.race([
      firstAnswer,
      new Promise((resolve) => {
        headStart = setTimeout(resolve, HEAD_START_MS);
      }),
    ]);
    clearTimeout(headStart);
    const [{ render }, { App }] = await Promise.all([import('ink'), import('./app/app.js')]);
    const instance = render(<App open={open} onQuit={() => instance.unmount()} />, {
      exitOnCtrlC: false,
      patchConsole: false,
      // Enough for smooth scrolling; bursts of state changes between frames are coalesced.
      maxFps: 30,
    });
    await instance.waitUntilExit();
  } finally {
    screen.leave();
    const opened = await Promise.allSettled(sessions);
    await Promise.all(opened.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)));
  }
}

/** `prefetch`: ask the App's first questions now, and call it once the summary is in (or failed). */
async function openSession(
  options: TuiOptions,
  prefetch: ((summaryIn: unknown) => void) | undefined,
): Promise<TuiSession> {
  const [{ connect }, { resolveCredentials }, { openSettings, saveTableSort }] = await Promise.all([
    import('../startup/connection.js'),
    import('../api/credentials.js'),
    import('../settings/settings.js'),
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
  return {
    api: prefetch ? prefetched(connection.api, lastOwnerId, prefetch) : connection.api,
    credentials: connection.credentials,
    showWelcome:
      !hasCredentials && connection.api.target.kind === 'sandbox' && !settings?.get('welcomeShown'),
    ...(lastOwnerId ? { lastOwnerId } : {}),
    rememberOwner: (ownerId) => settings?.set('lastOwnerId', ownerId),
    ...(tableSorts ? { tableSorts } : {}),
    rememberSort: (table, sort) => settings && saveTableSort(settings, table, sort),
    welcomeSeen: () => settings?.set('welcomeShown', true),
    close: () => connection.close(),
  };
}

/**
 * The client, with the App's first questions already asked: each answer serves the first identical
 * call, and later calls (a refresh) ask again. The owner opened first is the remembered one, else the
 * personal space, as the App chooses; if the App asks for another, nothing is lost but one request.
 */
function prefetched(
  api: CleverApi,
  lastOwnerId: string | undefined,
  summaryIn: (answer: unknown) => void,
): CleverApi {
  const early = new Map<string, Promise<unknown>>();
  const ask = (key: string, call: () => Promise<unknown>) => {
    const answer = call();
    // Whoever takes it handles its failure; one nobody takes must not count as unhandled.
    answer.catch(() => undefined);
    early.set(key, answer);
  };
  const hooksOf = (ownerId: string) => {
    ask(`listWebhooks ${ownerId}`, () => api.listWebhooks(ownerId));
    ask(`listEmailHooks ${ownerId}`, () => api.listEmailHooks(ownerId));
  };
  ask('summary ', () =>
    api.summary().then(
      (summary) => {
        const owners = [summary.user.id, ...summary.organisations.map((o) => o.id)];
        const ownerId = lastOwnerId && owners.includes(lastOwnerId) ? lastOwnerId : summary.user.id;
        if (ownerId !== lastOwnerId) hooksOf(ownerId);
        summaryIn(summary);
        return summary;
      },
      (error: unknown) => {
        summaryIn(error);
        throw error;
      },
    ),
  );
  if (lastOwnerId) hooksOf(lastOwnerId);
  // The live model's first load asks these with the summary: the first rows wait for all three.
  ask('identify ', () => api.identify());
  ask('self ', () => api.self());
  ask('eventCatalogue ', () => api.eventCatalogue());
  return new Proxy(api, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const key = `${String(property)} ${args.join(' ')}`;
        const answer = early.get(key);
        if (!answer) return value.apply(target, args);
        early.delete(key);
        return answer;
      };
    },
  });
}
