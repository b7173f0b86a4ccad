// The hook commands slice: add, edit, remove and test, from the list or the open details, and what
// their answers do to the screen (the saved hook selected, a status line that names the hook).
import { failureCause, formatTime } from '../../domain/hook-labels.js';
import { type Hook, type HookKind, hookKindLabel, hookTitle } from '../../domain/hooks.js';
import { fullMaskedUrl } from '../../domain/masking.js';
import { type DeliveryFailure, timestampToDate } from '../../domain/schemas.js';
import { hookCommandLines, hookUrls } from '../hooks/hook-detail-lines.js';
import type { HookCommand } from '../keys/key-map.js';
import { emptyList } from './lists.js';
import type { AppState, Effect, Message, Overlay } from './model.js';
import { selectedOwner, tabKind, visibleHooks } from './selectors.js';

export function queue(state: AppState, ...effects: Effect[]): AppState {
  return effects.length === 0 ? state : { ...state, effects: [...state.effects, ...effects] };
}

export function withStatus(state: AppState, text: string, tone: Message['tone']): AppState {
  const serial = state.statusSerial + 1;
  return { ...state, status: { text, tone, serial }, statusSerial: serial };
}

export function openWizard(state: AppState, kind: HookKind | undefined, hookId?: string): AppState {
  if (!kind) return withStatus(state, 'Hooks are added from tab 1 or 2.', 'info');
  if (!selectedOwner(state)) return state;
  const serial = state.wizardSerial + 1;
  return {
    ...state,
    wizardSerial: serial,
    overlay: { type: 'wizard', kind, serial, ...(hookId ? { hookId } : {}) },
  };
}

export function hookCommand(
  state: AppState,
  command: HookCommand,
  hook: Hook | undefined,
  from: 'list' | 'detail',
  { showSecrets = false }: { showSecrets?: boolean } = {},
): AppState {
  if (command === 'hook.add') return openWizard(state, tabKind(state.lists.tab) ?? 'webhook');
  if (!hook) return withStatus(state, 'No hook selected.', 'info');
  switch (command) {
    case 'hook.edit':
      return openWizard(state, hook.kind, hook.id);
    case 'hook.remove':
      return {
        ...state,
        overlay: { type: 'confirmRemove', kind: hook.kind, hookId: hook.id, name: hookTitle(hook), from },
      };
    case 'hook.test':
      if (hook.kind !== 'webhook')
        return withStatus(state, 'Only webhooks can be tested; e-mail hooks send e-mails.', 'info');
      return queue(
        { ...state, overlay: { type: 'busy', text: `Sending a test event to ${hookTitle(hook)}…` } },
        { type: 'testHook', hook },
      );
    case 'hook.enable':
      if (hook.kind !== 'webhook')
        return withStatus(state, 'Only webhooks are disabled by failures; e-mail hooks stay on.', 'info');
      if (hook.state !== 'DISABLED')
        return withStatus(state, `${hookTitle(hook)} is already enabled.`, 'info');
      return {
        ...state,
        overlay: {
          type: 'confirmEnable',
          hookId: hook.id,
          name: hookTitle(hook),
          failures: lastFailures(hook.failures, 3),
          from,
        },
      };
    case 'hook.copyId':
      return copy(state, hook.id, `the id of ${hookTitle(hook)}`);
    case 'hook.copyUrl': {
      if (hook.kind !== 'webhook')
        return withStatus(state, 'E-mail hooks have no URL; c copies their command line.', 'info');
      const urls = hookUrls(hook, { showSecrets });
      const masked = urls.some((u, i) => u !== hook.urls[i]?.url);
      const what = `the URL${urls.length === 1 ? '' : 's'} of ${hookTitle(hook)}`;
      return copy(state, urls.join('\n'), masked ? `${what}, masked (s in the details shows it)` : what);
    }
    case 'hook.copyCommand': {
      const lines = hookCommandLines(hook, { showSecrets });
      const what = `the clever-tools command line${lines.length === 1 ? '' : 's'} of ${hookTitle(hook)}`;
      return copy(state, lines.join('\n'), what);
    }
  }
}

/** The latest failures first, one line each: time, cause (status or network error), URL masked. */
function lastFailures(failures: readonly DeliveryFailure[], count: number): string[] {
  const time = (f: DeliveryFailure) =>
    f.createdAt === undefined ? 0 : timestampToDate(f.createdAt).getTime();
  return [...failures]
    .sort((a, b) => time(b) - time(a))
    .slice(0, count)
    .map((f) => `${formatTime(f.createdAt)}  ${failureCause(f)}  ${fullMaskedUrl(f.url)}`);
}

/** Yes to re-enabling: the hook as it is now is sent back with PUT (it may have changed meanwhile). */
export function confirmEnable(state: AppState, overlay: Overlay & { type: 'confirmEnable' }): AppState {
  const owner = selectedOwner(state);
  const hook = (owner ? state.remote.hooks[owner.id]?.webhooks.data : undefined)?.find(
    (h) => h.id === overlay.hookId,
  );
  if (hook?.kind !== 'webhook')
    return withStatus({ ...state, overlay: { type: 'none' } }, `${overlay.name} is gone.`, 'info');
  return queue(
    { ...state, overlay: { type: 'busy', text: `Re-enabling ${overlay.name}…` } },
    { type: 'enableHook', hook },
  );
}

/** Asks the terminal to copy the text (OSC 52) and says what was copied. */
function copy(state: AppState, text: string, what: string): AppState {
  return queue(withStatus(state, `Copied ${what}.`, 'ok'), { type: 'copy', text });
}

export function confirmRemoval(state: AppState, overlay: Overlay & { type: 'confirmRemove' }): AppState {
  const owner = selectedOwner(state);
  const list = owner ? state.remote.hooks[owner.id] : undefined;
  const hooks = (overlay.kind === 'email' ? list?.emailHooks.data : list?.webhooks.data) ?? [];
  const hook = hooks.find((h) => h.id === overlay.hookId);
  if (!hook)
    return withStatus({ ...state, overlay: { type: 'none' } }, `${overlay.name} is already gone.`, 'info');
  return queue(
    { ...state, overlay: { type: 'busy', text: `Removing ${overlay.name}…` } },
    { type: 'removeHook', hook },
  );
}

/** After a save: the hook's tab, the hook selected (showing every app if the chosen one hides it). */
export function hookSaved(state: AppState, hook: Hook, created: boolean): AppState {
  const tab = hook.kind === 'webhook' ? 'webhooks' : 'emailHooks';
  let next: AppState = withStatus(
    {
      ...state,
      overlay: { type: 'none' },
      lists: { ...state.lists, tab, focus: 'hooks', hooks: { ...emptyList, selectedId: hook.id } },
    },
    `${created ? 'Created' : 'Saved'} ${hookTitle(hook)} (${hookKindLabel(hook.kind)}).`,
    'ok',
  );
  if (!visibleHooks(next).some((h) => h.id === hook.id))
    next = { ...next, lists: { ...next.lists, apps: { ...emptyList } } };
  return next;
}

export function hookRemoved(state: AppState, hook: Hook): AppState {
  return withStatus(
    { ...state, overlay: { type: 'none' } },
    `Removed ${hookTitle(hook)} (${hookKindLabel(hook.kind)}).`,
    'ok',
  );
}
