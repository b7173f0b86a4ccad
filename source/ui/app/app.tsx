import { Box, Text } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EmailHook, EmailHookInput, Webhook, WebhookInput } from '../../domain/schemas.js';
import { Busy, ConfirmRemove, ExportPrompt, MessageBox } from '../dialogs/dialogs.js';
import { HelpOverlay } from '../help/help-overlay.js';
import { HookDetail } from '../hooks/hook-detail.js';
import { HooksPane } from '../hooks/hooks-pane.js';
import { Footer } from '../layout/footer.js';
import { Header } from '../layout/header.js';
import { leftColumnWidth, naturalLeftWidth } from '../layout/left-width.js';
import { OwnersPane } from '../owners/owners-pane.js';
import { type TerminalSize, useTerminalSize } from '../terminal/use-terminal-size.js';
import { type Theme, themeFor } from '../theme/theme.js';
import { ThemeContext } from '../theme/theme-context.js';
import { Welcome } from '../welcome/welcome.js';
import type { WizardContext } from '../wizard/use-wizard-state.js';
import { Wizard } from '../wizard/wizard.js';
import type { HookKind } from '../wizard/wizard-model.js';
import { type AppActions, AppActionsContext, type AppView, AppViewContext, useAppView } from './contexts.js';
import { errorText, type TuiSession } from './session.js';
import { useAppKeys } from './use-app-keys.js';
import {
  type AppState,
  appRows,
  coveringHooks,
  filterOwners,
  findHook,
  helpKeyMaps,
  pick,
  tabHooks,
  useAppState,
} from './use-app-state.js';
import { useEffects } from './use-effects.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

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

/** The container: it owns the state, runs the effects, and publishes both to the screens. */
export function App({ open, onQuit, onActivity, size: fixedSize, theme }: AppProps) {
  const [state, dispatch] = useAppState();
  const sessionRef = useRef<TuiSession | undefined>(undefined);
  const size = useTerminalSize(fixedSize);
  const activeTheme = useMemo(() => theme ?? themeFor(), [theme]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (r after a failure) connects again
  useEffect(() => {
    let cancelled = false;
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
  }, [open, state.connectAttempt]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: every new state is activity, on purpose
  useEffect(() => {
    onActivity?.();
  }, [state, size, onActivity]);

  const getSession = useCallback(() => sessionRef.current, []);
  const quit = useCallback(() => onQuit(), [onQuit]);
  useEffects(state.effects, getSession, dispatch, quit);

  // The help overlay fills the Screen's body: the terminal less the spare line, header and footer.
  const helpArea = useMemo(() => ({ width: size.columns, height: size.rows - 3 }), [size.columns, size.rows]);
  const keys = useAppKeys(dispatch, Math.max(1, size.rows - 9), helpArea);

  const actions = useMemo<AppActions>(
    () => ({
      dispatch,
      async saveHook(kind, ownerId, hookId, input) {
        const api = sessionRef.current?.api;
        if (!api) throw new Error('Not connected yet.');
        if (kind === 'webhook') {
          const body = input as WebhookInput;
          return hookId ? api.editWebhook(ownerId, hookId, body) : api.addWebhook(ownerId, body);
        }
        const body = input as EmailHookInput;
        return hookId ? api.editEmailHook(ownerId, hookId, body) : api.addEmailHook(ownerId, body);
      },
      keys,
      api: () => sessionRef.current?.api,
      credentials: () => sessionRef.current?.credentials,
    }),
    [keys, dispatch],
  );

  const view = useAppViewOf(state);

  return (
    <ThemeContext.Provider value={activeTheme}>
      <AppActionsContext.Provider value={actions}>
        <AppViewContext.Provider value={view}>
          {size.columns < MIN_COLUMNS || size.rows < MIN_ROWS ? (
            <TooSmall size={size} />
          ) : (
            <Screen columns={size.columns} rows={size.rows} />
          )}
        </AppViewContext.Provider>
      </AppActionsContext.Provider>
    </ThemeContext.Provider>
  );
}

function useAppViewOf(state: AppState): AppView {
  const ownerData = state.owners.data;
  const owners = useMemo(
    () => filterOwners(ownerData, state.ownerList.filter),
    [ownerData, state.ownerList.filter],
  );
  const owner = pick(owners, state.ownerList.cursor);
  const apps = useMemo(() => appRows(owner, state.appList.filter), [owner, state.appList.filter]);
  const appRow = pick(apps, state.appList.cursor);
  const app = appRow?.kind === 'app' ? appRow : undefined;
  const ownerHooks = owner ? state.hooks[owner.id] : undefined;
  const list = tabHooks(ownerHooks, state.tab);
  const hooks = useMemo(
    () => coveringHooks(list, app?.id, state.hookList.filter),
    [list, app?.id, state.hookList.filter],
  );
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const o of ownerData ?? []) map.set(o.id, o.name);
    if (state.who) map.set(state.who.userId, state.who.userName);
    if (owner) {
      for (const a of owner.apps) map.set(a.id, a.name);
      for (const a of owner.addons) map.set(a.id, a.name);
    }
    return map;
  }, [ownerData, owner, state.who]);
  // Ages of failures are counted from when the hooks were loaded, so that frames stay stable.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the hooks are the clock's trigger on purpose
  const now = useMemo(() => Date.now(), [ownerHooks]);
  return useMemo(
    () => ({ state, owners, owner, apps, app, ownerHooks, hooks, names, now }),
    [state, owners, owner, apps, app, ownerHooks, hooks, names, now],
  );
}

function TooSmall({ size }: { size: TerminalSize }) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">clever-notify needs</Text>
      <Text wrap="truncate">{`at least ${MIN_COLUMNS}×${MIN_ROWS};`}</Text>
      <Text wrap="truncate">{`this is ${size.columns}×${size.rows}.`}</Text>
      <Text wrap="truncate">Enlarge it, or q to quit.</Text>
    </Box>
  );
}

function Screen({ columns, rows }: { columns: number; rows: number }) {
  const view = useAppView();
  const { state } = view;
  // At most rows-1 lines: a frame as tall as the terminal makes Ink repaint everything each time.
  const height = rows - 1;
  const body = height - 2;
  const natural = useMemo(() => naturalLeftWidth(state.owners.data ?? []), [state.owners.data]);
  const left = leftColumnWidth(columns, natural);
  const right = columns - left;
  const overlay = state.overlay;

  let main: React.ReactNode;
  if (overlay.type === 'wizard') {
    return (
      <Box flexDirection="column" width={columns} height={height}>
        <Header width={columns} />
        <WizardOverlay
          key={overlay.serial}
          kind={overlay.kind}
          hookId={overlay.hookId}
          width={columns}
          height={height - 1}
        />
      </Box>
    );
  }
  if (overlay.type === 'help') {
    main = <HelpOverlay maps={helpKeyMaps(state)} scroll={overlay.scroll} width={columns} height={body} />;
  } else if (overlay.type === 'welcome') {
    main = (
      <Box width={columns} height={body} justifyContent="center" alignItems="center" overflow="hidden">
        <Welcome width={columns} />
      </Box>
    );
  } else {
    let inRight: React.ReactNode;
    if (overlay.type === 'detail') {
      inRight = (
        <HookDetail
          kind={overlay.kind}
          hookId={overlay.hookId}
          scroll={overlay.scroll}
          showSecrets={overlay.showSecrets === true}
          height={body - 3}
          width={right - 4}
        />
      );
    } else if (overlay.type === 'confirmRemove') {
      inRight = <ConfirmRemove name={overlay.name} kind={overlay.kind} />;
    } else if (overlay.type === 'exportPrompt') {
      inRight = <ExportPrompt ownerName={overlay.ownerName} line={overlay.line} width={right - 2} />;
    } else if (overlay.type === 'busy') {
      inRight = <Busy text={overlay.text} />;
    } else if (overlay.type === 'message') {
      inRight = <MessageBox message={overlay.message} />;
    }
    main = (
      <Box width={columns} height={body}>
        <OwnersPane width={left} height={body} />
        <HooksPane width={right} height={body}>
          {inRight}
        </HooksPane>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Header width={columns} />
      {main}
      <Footer width={columns} />
    </Box>
  );
}

function WizardOverlay({
  kind,
  hookId,
  width,
  height,
}: {
  kind: HookKind;
  hookId?: string;
  width: number;
  height: number;
}) {
  const view = useAppView();
  const { state, owner } = view;
  const app = view.app;
  const hook = hookId ? findHook(state, kind, hookId) : undefined;
  // The wizard's world is fixed while it is open: it is built once per opening (keyed by serial).
  const [context] = useState<WizardContext | undefined>(() => {
    if (!owner) return undefined;
    return {
      kind,
      ownerId: owner.id,
      ownerName: owner.name,
      ...(state.who ? { self: { id: state.who.userId, name: state.who.userName } } : {}),
      resources: [
        ...owner.apps.map((a) => ({ id: a.id, name: a.name, kind: 'app' as const })),
        ...owner.addons.map((a) => ({ id: a.id, name: a.name, kind: 'addon' as const })),
      ],
      ...(app ? { selectedApp: { id: app.id, name: app.name, kind: 'app' as const } } : {}),
      catalogue: state.catalogue,
      offerPresets: kind === 'webhook',
    };
  });
  if (!context) return null;
  return (
    <Wizard
      context={context}
      hook={hook as (Webhook & EmailHook) | undefined}
      width={width}
      height={height}
    />
  );
}
