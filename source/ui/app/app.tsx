// The container: it owns the store, connects, runs the effects the reducer queues, turns keys into
// actions, and publishes the store and the session to the screens. Nothing below it imports it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { emailHookEntry, webhookEntry } from '../../domain/hooks.js';
import { KEY_PRIORITY, KeypressProvider, useKeypress } from '../keys/keypress.js';
import type { AppStore } from '../state/store.js';
import { AppStoreContext, createAppStore } from '../state/store.js';
import { type TerminalSize, useTerminalSize } from '../terminal/use-terminal-size.js';
import { type Theme, themeFor } from '../theme/theme.js';
import { ThemeContext } from '../theme/theme-context.js';
import { runEffect } from './effects.js';
import { Screen, TooSmall } from './screen.js';
import { errorText, type TuiSession } from './session.js';
import { type SessionActions, SessionContext } from './session-context.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
/** How long a status line stays when no key is pressed. */
const STATUS_MS = 6000;

export interface AppProps {
  /** Connects to the API; called after the first frame is on screen. */
  open: () => Promise<TuiSession>;
  /** Called when the user quits. */
  onQuit: () => void;
  /** Called after each change of state (the idle memory collector listens). */
  onActivity?: () => void;
  /** Fixed size (tests); otherwise the terminal's, kept current on resize. */
  size?: TerminalSize;
  theme?: Theme;
}

export function App(props: AppProps) {
  return (
    <KeypressProvider>
      <Container {...props} />
    </KeypressProvider>
  );
}

function Container({ open, onQuit, onActivity, size: fixedSize, theme }: AppProps) {
  const [store] = useState(createAppStore);
  const sessionRef = useRef<TuiSession | undefined>(undefined);
  const size = useTerminalSize(fixedSize);
  const activeTheme = useMemo(() => theme ?? themeFor(), [theme]);
  useConnect(store, open, sessionRef);
  useEffectRunner(store, sessionRef, onQuit, onActivity);

  // The help overlay fills the Screen's body: the terminal less the spare line, header and footer.
  const pageSize = Math.max(1, size.rows - 9);
  const helpArea = useMemo(() => ({ width: size.columns, height: size.rows - 3 }), [size.columns, size.rows]);
  useKeypress(
    (name) => {
      store.dispatch({ type: 'key', name, pageSize, helpArea });
      return true;
    },
    { priority: KEY_PRIORITY.app },
  );

  const session = useMemo<SessionActions>(
    () => ({
      async saveHook(ownerId, hookId, input) {
        const api = sessionRef.current?.api;
        if (!api) throw new Error('Not connected yet.');
        if (input.kind === 'webhook') {
          const saved = hookId
            ? await api.editWebhook(ownerId, hookId, input.body)
            : await api.addWebhook(ownerId, input.body);
          return webhookEntry(saved);
        }
        const saved = hookId
          ? await api.editEmailHook(ownerId, hookId, input.body)
          : await api.addEmailHook(ownerId, input.body);
        return emailHookEntry(saved);
      },
      api: () => sessionRef.current?.api,
      credentials: () => sessionRef.current?.credentials,
    }),
    [],
  );

  return (
    <ThemeContext.Provider value={activeTheme}>
      <SessionContext.Provider value={session}>
        <AppStoreContext.Provider value={store}>
          {size.columns < MIN_COLUMNS || size.rows < MIN_ROWS ? (
            <TooSmall size={size} minColumns={MIN_COLUMNS} minRows={MIN_ROWS} />
          ) : (
            <Screen columns={size.columns} rows={size.rows} />
          )}
        </AppStoreContext.Provider>
      </SessionContext.Provider>
    </ThemeContext.Provider>
  );
}

/** Connects after the first frame, and again on each new attempt (r after a failure). */
function useConnect(
  store: AppStore,
  open: () => Promise<TuiSession>,
  sessionRef: { current: TuiSession | undefined },
) {
  const [attempt, setAttempt] = useState(0);
  useEffect(
    () =>
      store.subscribe(() => {
        setAttempt(store.getState().remote.connectAttempt);
      }),
    [store],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (r after a failure) connects again
  useEffect(() => {
    let cancelled = false;
    const { dispatch } = store;
    // Let the first frame reach the terminal before loading the client (and maybe a sandbox).
    const timer = setTimeout(() => {
      // A retry reuses the connection that was opened (an embedded sandbox must not start twice).
      (sessionRef.current ? Promise.resolve(sessionRef.current) : open())
        .then(async (session) => {
          if (cancelled) return;
          sessionRef.current = session;
          // The badge follows what the API says it is (one request, alongside the summary).
          const [summary, target] = await Promise.all([session.api.summary(), session.api.identify()]);
          dispatch({
            type: 'connected',
            who: {
              userId: summary.user.id,
              userName: summary.user.name || summary.user.id,
              apiHost: target.apiHost,
              sandbox: target.kind === 'sandbox',
              embedded: target.embedded,
            },
            showWelcome: session.showWelcome,
            ...(session.lastOwnerId ? { preferredOwnerId: session.lastOwnerId } : {}),
          });
          dispatch({ type: 'ownersLoaded', summary });
          const catalogue = await session.api.eventCatalogue().catch(() => undefined);
          if (catalogue) dispatch({ type: 'catalogueLoaded', catalogue });
        })
        .catch((error: unknown) => {
          if (!cancelled)
            dispatch({ type: 'connectFailed', error: `${errorText(error)} (press r to retry, q to quit)` });
        });
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [open, attempt, store]);
}

/** Takes each queued effect once and runs it; expires the status line; reports activity. */
function useEffectRunner(
  store: AppStore,
  sessionRef: { current: TuiSession | undefined },
  onQuit: () => void,
  onActivity: (() => void) | undefined,
) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shownStatus: number | undefined;
    const onChange = () => {
      const state = store.getState();
      onActivity?.();
      if (state.status?.serial !== shownStatus) {
        shownStatus = state.status?.serial;
        clearTimeout(timer);
        const serial = shownStatus;
        if (serial !== undefined)
          timer = setTimeout(() => store.dispatch({ type: 'statusExpired', serial }), STATUS_MS);
      }
      const { effects } = state;
      if (effects.length === 0) return;
      store.dispatch({ type: 'effectsTaken', count: effects.length });
      for (const effect of effects) void runEffect(effect, sessionRef.current, store.dispatch, onQuit);
    };
    const unsubscribe = store.subscribe(onChange);
    onChange();
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, sessionRef, onQuit, onActivity]);
}
