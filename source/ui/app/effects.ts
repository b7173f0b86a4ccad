// Runs the effects that the reducer queued: each is taken once, run, and answered with actions.
import type { WebhookTestResult } from '../../api/types.js';
import { emailHookEntry, hookTitle, webhookEntry } from '../../domain/hooks.js';
import type { OrganisationMember } from '../../domain/schemas.js';
import { maskSecretUrl } from '../hooks/hook-labels.js';
import type { AppAction, Effect, Message } from '../state/model.js';
import type { Remote } from '../state/remote.js';
import { errorText, type TuiSession } from './session.js';

function memberNames(members: readonly OrganisationMember[]): Map<string, string> {
  return new Map(members.flatMap((m) => (m.member.name ? [[m.member.id, m.member.name] as const] : [])));
}

function settle<T, R>(result: PromiseSettledResult<T[]>, entry: (item: T) => R): Remote<R[]> {
  return result.status === 'fulfilled'
    ? { status: 'ready', data: result.value.map(entry) }
    : { status: 'failed', error: errorText(result.reason) };
}

export async function runEffect(
  effect: Effect,
  session: TuiSession | undefined,
  dispatch: (action: AppAction) => void,
  quit: () => void,
): Promise<void> {
  if (effect.type === 'quit') {
    quit();
    return;
  }
  if (!session) return;
  const { api } = session;
  switch (effect.type) {
    case 'loadOwners':
      try {
        dispatch({ type: 'ownersLoaded', summary: await api.summary() });
      } catch (error) {
        dispatch({ type: 'ownersFailed', error: `${errorText(error)} (press r to retry)` });
      }
      return;
    case 'loadHooks': {
      const [webhooks, emailHooks] = await Promise.allSettled([
        api.listWebhooks(effect.ownerId),
        api.listEmailHooks(effect.ownerId),
      ]);
      dispatch({
        type: 'hooksLoaded',
        ownerId: effect.ownerId,
        webhooks: settle(webhooks, webhookEntry),
        emailHooks: settle(emailHooks, emailHookEntry),
      });
      // Only to name the people e-mail hooks notify, so asked once the hooks are on screen; on a
      // failure their ids are shown.
      if (!effect.organisation) return;
      const people = await api.members(effect.ownerId).catch(() => undefined);
      if (people) dispatch({ type: 'peopleLoaded', ownerId: effect.ownerId, people: memberNames(people) });
      return;
    }
    case 'rememberOwner':
      session.rememberOwner(effect.ownerId);
      return;
    case 'removeHook': {
      const { hook } = effect;
      try {
        if (hook.kind === 'webhook') await api.removeWebhook(hook.ownerId, hook.id);
        else await api.removeEmailHook(hook.ownerId, hook.id);
        dispatch({ type: 'hookRemoved', hook });
      } catch (error) {
        dispatch({
          type: 'showMessage',
          message: { title: `Could not remove ${hookTitle(hook)}`, lines: [errorText(error)], tone: 'error' },
        });
      }
      return;
    }
    case 'testHook':
      try {
        const results = await api.testWebhook(effect.hook);
        dispatch({ type: 'showMessage', message: testMessage(hookTitle(effect.hook), results) });
      } catch (error) {
        dispatch({
          type: 'showMessage',
          message: {
            title: `Could not send the test to ${hookTitle(effect.hook)}`,
            lines: [errorText(error)],
            tone: 'error',
          },
        });
      }
      return;
    case 'welcomeSeen':
      session.welcomeSeen();
      return;
  }
}

export function testMessage(name: string, results: readonly WebhookTestResult[]): Message {
  const ok = results.length > 0 && results.every((r) => r.ok);
  const lines = results.map((r) => {
    const outcome = r.networkFailure ?? (r.status !== undefined ? `HTTP ${r.status}` : 'no answer');
    const excerpt = r.responseExcerpt ? `  "${r.responseExcerpt.replace(/\s+/g, ' ').slice(0, 80)}"` : '';
    return `${r.ok ? '✓' : '✗'} ${outcome} in ${r.durationMs} ms  ${maskSecretUrl(r.url)} [${r.format}]${excerpt}`;
  });
  return {
    title: ok ? `Test of ${name}: delivered` : `Test of ${name}: failed`,
    lines: lines.length > 0 ? lines : ['The webhook has no URL to test.'],
    tone: ok ? 'ok' : 'error',
  };
}
