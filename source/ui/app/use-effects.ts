// Runs the effects that the reducer queued: each is taken once, run, and answered with actions.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { useEffect } from 'react';
import type { CleverApi, WebhookTestResult } from '../../api/types.js';
import type { OrganisationMember } from '../../domain/schemas.js';
import { safeText } from '../../domain/terminal-text.js';
import { maskSecretUrl } from '../hooks/hook-labels.js';
import type { Remote } from './remote.js';
import { errorText, type TuiSession } from './session.js';
import type { AppAction, Effect, Message } from './use-app-state.js';

export function useEffects(
  effects: readonly Effect[],
  session: () => TuiSession | undefined,
  dispatch: (action: AppAction) => void,
  quit: () => void,
) {
  useEffect(() => {
    if (effects.length === 0) return;
    dispatch({ type: 'effectsTaken', count: effects.length });
    for (const effect of effects) void run(effect, session, dispatch, quit);
  }, [effects, session, dispatch, quit]);
}

function memberNames(members: readonly OrganisationMember[]): Map<string, string> {
  return new Map(members.flatMap((m) => (m.member.name ? [[m.member.id, m.member.name] as const] : [])));
}

function settle<T>(result: PromiseSettledResult<T>): Remote<T> {
  return result.status === 'fulfilled'
    ? { status: 'ready', data: result.value }
    : { status: 'failed', error: errorText(result.reason) };
}

async function run(
  effect: Effect,
  session: () => TuiSession | undefined,
  dispatch: (action: AppAction) => void,
  quit: () => void,
): Promise<void> {
  if (effect.type === 'quit') {
    quit();
    return;
  }
  const current = session();
  if (!current) return;
  const { api } = current;
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
      current.rememberOwner(effect.ownerId);
      dispatch({
        type: 'hooksLoaded',
        ownerId: effect.ownerId,
        webhooks: settle(webhooks),
        emailHooks: settle(emailHooks),
      });
      // Only to name the people e-mail hooks notify, so asked once the hooks are on screen; on a
      // failure their ids are shown.
      if (!effect.organisation) return;
      const people = await api.members(effect.ownerId).catch(() => undefined);
      if (people) dispatch({ type: 'peopleLoaded', ownerId: effect.ownerId, people: memberNames(people) });
      return;
    }
    case 'removeHook':
      try {
        if (effect.kind === 'webhook') await api.removeWebhook(effect.ownerId, effect.hookId);
        else await api.removeEmailHook(effect.ownerId, effect.hookId);
        dispatch({ type: 'hookRemoved', kind: effect.kind, ownerId: effect.ownerId, hookId: effect.hookId });
      } catch (error) {
        dispatch({
          type: 'showMessage',
          message: { title: 'Could not remove the hook', lines: [errorText(error)], tone: 'error' },
        });
      }
      return;
    case 'testHook':
      try {
        const results = await api.testWebhook(effect.hook);
        dispatch({ type: 'showMessage', message: testMessage(effect.hook.name || effect.hook.id, results) });
      } catch (error) {
        dispatch({
          type: 'showMessage',
          message: { title: 'Could not send the test', lines: [errorText(error)], tone: 'error' },
        });
      }
      return;
    case 'exportOwner':
      dispatch({ type: 'showMessage', message: await exportMessage(api, effect) });
      return;
    case 'welcomeSeen':
      current.welcomeSeen();
      return;
  }
}

const SECRET = { slack: 'Slack token', discord: 'Discord token', password: 'URL password' } as const;

/** Writes the owner's hooks as a notifications file; YAML and the export code load only now. */
async function exportMessage(
  api: CleverApi,
  effect: Extract<Effect, { type: 'exportOwner' }>,
): Promise<Message> {
  const path = resolve(effect.path.replace(/^~(?=$|\/)/, homedir()));
  try {
    const { exportToFile } = await import('../../as-code/export.js');
    const result = await exportToFile(api, path, { ownerIds: [effect.ownerId] });
    const lines = [
      `${result.webhooks} webhook${result.webhooks === 1 ? '' : 's'} and ${result.emailHooks} e-mail hook${result.emailHooks === 1 ? '' : 's'} written to ${safeText(path)}.`,
    ];
    if (result.variables.length > 0) {
      lines.push('Secrets are written as variables; set them before plan and apply:');
      for (const v of result.variables)
        lines.push(`  ${v.name}: ${SECRET[v.kind]} of ${safeText(v.hookName)}`);
    }
    for (const hook of result.unnamed) lines.push(`Left out: ${hook.id}, which has no name.`);
    lines.push(`Next: clever-notify plan -f ${safeText(effect.path)}`);
    return { title: `Exported ${safeText(effect.ownerName)}`, lines, tone: 'ok' };
  } catch (error) {
    return { title: 'Could not export the hooks', lines: [safeText(errorText(error))], tone: 'error' };
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
