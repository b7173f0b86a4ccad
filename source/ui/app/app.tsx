// The container: it owns the store, connects, runs the effects the reducer queues, turns keys into
// actions, and publishes the store and the session to the screens. Nothing below it imports it.

import { useStdout } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LiveModel } from '../../api/live/live-model.js';
import { emailHookEntry, webhookEntry } from '../../domain/hooks.js';
import { KEY_PRIORITY, KeypressProvider, useKeypress } from '../keys/keypress.js';
import { bodyHeight, pageSize as pageSizeOf, problemsPageSize } from '../layout/pane-heights.js';
import { useProblemsClock } from '../problems/use-problems-clock.js';
import { initialAppState } from '../state/root.js';
import { selectedOwner } from '../state/selectors.js';
import type { AppStore } from '../state/store.js';
import { AppStoreContext, createAppStore } from '../state/store.js';
import { type TerminalSize, useTerminalSize } from '../terminal/use-terminal-size.js';
import { type Theme, themeFor } from '../theme/theme.js';
import { ThemeContext } from '../theme/theme-context.js';
import { type EffectWorld, runEffect } from './effects.js';
import { Screen, TooSmall } from './screen.js';
import { errorText } from './session.js';
import { LiveModelContext, type SessionActions, SessionContext } from './session-context.js';
import type { World } from './world.js';
import { worldState } from './world-state.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
/** How long a status line stays when no key is pressed. */
const STATUS_MS = 6000;
/** Time for the frame that shows the first lists to be drawn (two of Ink's 30 frames a second). */
const FIRST_FRAME_MS = 70;

export interface AppProps {
  /**
   * Connected already: the first frame is drawn from what its live model holds (`clever-notify tui`
   * mounts the App once the first screen's answers are in, see ../run-tui.tsx).
   */
  world?: World;
  /** Connects to the API (when no `world` is given, or again after a failure); called after the first frame. */
  open: () => Promise<World>;
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

function Container({ world, open, onQuit, onActivity, size: fixedSize, theme }: AppProps) {
  const [store] = useState(() => createAppStore(world ? worldState(world) : initialAppState()));
  const worldRef = useRef<World | undefined>(world);
  const size = useTerminalSize(fixedSize);
  const activeTheme = useMemo(() => theme ?? themeFor(), [theme]);
  const live = useConnect(store, open, worldRef);
  const { stdout } = useStdout();
  useEffectRunner(store, worldRef, onQuit, onActivity, stdout);
  useWatchedOwner(store, live);
  useProblemsClock(store);

  // The help overlay fills the Screen's body: the terminal less the spare line, header and footer.
  const helpArea = useMemo(
    () => ({ width: size.columns, height: bodyHeight(size.rows) }),
    [size.columns, size.rows],
  );
  useKeypress(
    (name) => {
      // A page is what the focused list shows.
      const state = store.getState();
      const pageSize =
        state.overlay.type === 'problems'
          ? problemsPageSize(size.rows)
          : pageSizeOf(state.lists.focus, size.rows, state.remote.owners.data?.length ?? 0);
      store.dispatch({ type: 'key', name, pageSize, helpArea });
      return true;
    },
    { priority: KEY_PRIORITY.app },
  );

  const session = useMemo<SessionActions>(
    () => ({
      async saveHook(ownerId, hookId, input) {
        const world = worldRef.current;
        if (!world) throw new Error('Not connected yet.');
        const { api } = world.session;
        // The live model has it at once (by id), without waiting for a refresh or the stream's echo.
        if (input.kind === 'webhook') {
          const saved = hookId
            ? await api.editWebhook(ownerId, hookId, input.body)
            : await api.addWebhook(ownerId, input.body);
          world.live.applyLocalWrite({ type: 'saved', kind: 'webhook', hook: saved });
          return webhookEntry(saved);
        }
        const saved = hookId
          ? await api.editEmailHook(ownerId, hookId, input.body)
          : await api.addEmailHook(ownerId, input.body);
        world.live.applyLocalWrite({ type: 'saved', kind: 'email', hook: saved });
        return emailHookEntry(saved);
      },
      api: () => worldRef.current?.session.api,
      credentials: () => worldRef.current?.session.credentials,
    }),
    [],
  );

  return (
    <ThemeContext.Provider value={activeTheme}>
      <SessionContext.Provider value={session}>
        <AppStoreContext.Provider value={store}>
          <LiveModelContext.Provider value={live}>
            {size.columns < MIN_COLUMNS || size.rows < MIN_ROWS ? (
              <TooSmall size={size} minColumns={MIN_COLUMNS} minRows={MIN_ROWS} />
            ) : (
              <Screen columns={size.columns} rows={size.rows} />
            )}
          </LiveModelContext.Provider>
        </AppStoreContext.Provider>
      </SessionContext.Provider>
    </ThemeContext.Provider>
  );
}

/**
 * Opens the session after the first frame unless the App was given one (and again on a new attempt, r
 * after a failure), then runs the live model for the App's life: its snapshots feed the remote slice.
 */
function useConnect(
  store: AppStore,
  open: () => Promise<World>,
  worldRef: { current: World | undefined },
): LiveModel | undefined {
  const [attempt, setAttempt] = useState(0);
  const [live, setLive] = useState(worldRef.current?.live);
  useEffect(
    () =>
      store.subscribe(() => {
        setAttempt(store.getState().remote.connectAttempt);
      }),
    [store],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (r after a failure) connects again
  useEffect(() => {
    // A retry reuses the connection that was opened (an embedded sandbox must not start twice).
    if (worldRef.current) return;
    let cancelled = false;
    const { dispatch } = store;
    // Let the first frame reach the terminal before loading the client (and maybe a sandbox).
    const timer = setTimeout(() => {
      open()
        .then((world) => {
          if (cancelled || worldRef.current) return;
          worldRef.current = world;
          const { session } = world;
          dispatch({
            type: 'connected',
            ...(session.lastOwnerId ? { preferredOwnerId: session.lastOwnerId } : {}),
            ...(session.tableSorts ? { sorts: session.tableSorts } : {}),
          });
          setLive(world.live);
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

  useEffect(() => {
    const world = worldRef.current;
    if (!live || !world) return;
    const { dispatch } = store;
    const unsubscribe = live.subscribe(() => dispatch({ type: 'live', snapshot: live.getSnapshot() }));
    // What changed between the App's first state and now (a world given at mount), or all of it.
    dispatch({ type: 'live', snapshot: live.getSnapshot() });
    let active = true;
    let release: (() => void) | undefined;
    let releaseEvery: (() => void) | undefined;
    let sourcesTimer: ReturnType<typeof setTimeout> | undefined;
    void world.catalogueIn.then((catalogue) => {
      if (active && catalogue && store.getState().remote.catalogue !== catalogue)
        dispatch({ type: 'catalogueLoaded', catalogue });
    });
    void world.firstScreen.then(() => {
      if (!active) return;
      // The welcome screen offers to add a hook: it waits for the owners to be known.
      if (world.session.showWelcome && store.getState().overlay.type !== 'welcome')
        dispatch({ type: 'welcome' });
      // The live sources (event socket, sandbox streams) load undici, 500 KB to compile: they start
      // once the first owner's lists are in and drawn (Ink draws at most every 33 ms), so that they
      // do not hold those back. Events since the model was made are replayed (docs/performance.md).
      // The problems of every owner (the Problems view, the owners' counts) are swept then too, for
      // the session's life: their requests would otherwise compete with the first owner's.
      sourcesTimer = setTimeout(() => {
        release = live.watch();
        releaseEvery = live.watchEveryOwner();
      }, FIRST_FRAME_MS);
    });
    return () => {
      active = false;
      clearTimeout(sourcesTimer);
      unsubscribe();
      releaseEvery?.();
      release?.();
      live.close();
    };
  }, [live, store, worldRef]);
  return live;
}

/** The selected owner is watched (its hooks kept fresh by the live model) while it is selected. */
function useWatchedOwner(store: AppStore, live: LiveModel | undefined) {
  useEffect(() => {
    if (!live) return;
    let watched: { ownerId: string; release: () => void } | undefined;
    const follow = () => {
      const ownerId = selectedOwner(store.getState())?.id;
      if (ownerId === watched?.ownerId) return;
      watched?.release();
      watched = ownerId ? { ownerId, release: live.watchOwner(ownerId) } : undefined;
    };
    const unsubscribe = store.subscribe(follow);
    follow();
    return () => {
      unsubscribe();
      watched?.release();
    };
  }, [store, live]);
}

/** Takes each queued effect once and runs it; expires the status line; reports activity. */
function useEffectRunner(
  store: AppStore,
  worldRef: { current: EffectWorld | undefined },
  onQuit: () => void,
  onActivity: (() => void) | undefined,
  stdout: NodeJS.WriteStream,
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
      for (const effect of effects)
        void runEffect(effect, worldRef.current, store.dispatch, onQuit, (data) => stdout.write(data));
    };
    const unsubscribe = store.subscribe(onChange);
    onChange();
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, worldRef, onQuit, onActivity, stdout]);
}
