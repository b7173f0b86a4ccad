// Runs the effects that the reducer queued: each is taken once, run, and answered with actions.

import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { LiveModel } from '../../api/live/live-model.js';
import type { CleverApi, WebhookTestResult } from '../../api/types.js';
import { hookTitle } from '../../domain/hooks.js';
import { maskSecretUrl } from '../../domain/masking.js';
import { safeText } from '../../domain/terminal-text.js';
import type { AppAction, Effect, Message } from '../state/model.js';
import { osc52 } from '../terminal/clipboard.js';
import { browserOpener, openDetached } from './open-browser.js';
import { errorText, type TuiSession } from './session.js';

/** What effects act on: the client and the live model of the session. */
export interface EffectWorld {
  session: TuiSession;
  live: LiveModel;
}

export async function runEffect(
  effect: Effect,
  world: EffectWorld | undefined,
  dispatch: (action: AppAction) => void,
  quit: () => void,
  /** Writes to the terminal Ink draws on (for sequences that draw nothing, such as OSC 52). */
  writeTerminal: (data: string) => void,
): Promise<void> {
  if (effect.type === 'quit') {
    quit();
    return;
  }
  if (effect.type === 'openUrl') {
    const opener = browserOpener(process.platform, process.env);
    if (opener && (await openDetached(opener, effect.url))) {
      dispatch({
        type: 'status',
        text: `Opened the Console page of ${effect.page} in the browser.`,
        tone: 'ok',
      });
      return;
    }
    dispatch({
      type: 'showMessage',
      message: {
        title: `Console page of ${effect.page}`,
        lines: [effect.url, 'No browser can be opened from here: open the address above.'],
        tone: 'info',
      },
    });
    return;
  }
  if (effect.type === 'copy') {
    writeTerminal(osc52(effect.text));
    return;
  }
  if (!world) return;
  const { session, live } = world;
  const { api } = session;
  switch (effect.type) {
    case 'reload': {
      // Failures land in the live model's snapshot (shown with a hint to press r again). Who we are
      // and what the API is are asked again too when the first attempt did not learn them.
      const { self, target } = live.getSnapshot();
      if (effect.everyOwner) await live.refreshEveryOwner();
      else if (self.data && target.known) await live.refresh(effect.ownerId);
      else
        await Promise.all([
          live.load(),
          ...(effect.ownerId ? [live.loadHooks(effect.ownerId, { force: true })] : []),
        ]);
      return;
    }
    case 'loadHooks':
      await live.loadHooks(effect.ownerId);
      // Only to name the people e-mail hooks notify, so asked once the hooks are on screen.
      if (effect.organisation) await live.loadMembers(effect.ownerId);
      return;
    case 'rememberOwner':
      session.rememberOwner(effect.ownerId);
      return;
    case 'rememberSort':
      session.rememberSort?.(effect.table, effect.sort);
      return;
    case 'removeHook': {
      const { hook } = effect;
      try {
        if (hook.kind === 'webhook') await api.removeWebhook(hook.ownerId, hook.id);
        else await api.removeEmailHook(hook.ownerId, hook.id);
        live.applyLocalWrite({ type: 'removed', kind: hook.kind, ownerId: hook.ownerId, hookId: hook.id });
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
    case 'enableHook': {
      const { hook } = effect;
      try {
        // The hook's own fields sent back; the message says which state the API answered with.
        const saved = await api.editWebhook(hook.ownerId, hook.id, {
          name: hook.name ?? '',
          urls: hook.urls,
          // Absent means every event and every app: a key with null would not say the same.
          ...(hook.events ? { events: hook.events } : {}),
          ...(hook.scope ? { scope: hook.scope } : {}),
        });
        live.applyLocalWrite({ type: 'saved', kind: 'webhook', hook: saved });
        const enabled = saved.state === 'ENABLED';
        dispatch({
          type: 'showMessage',
          message: {
            title: enabled ? `Re-enabled ${hookTitle(hook)}` : `${hookTitle(hook)} is still ${saved.state}`,
            lines: [
              enabled
                ? 'It is notifying again; t sends a test event.'
                : `The API kept the webhook ${saved.state} after the PUT.`,
            ],
            tone: enabled ? 'ok' : 'warning',
          },
        });
      } catch (error) {
        dispatch({
          type: 'showMessage',
          message: {
            title: `Could not re-enable ${hookTitle(hook)}`,
            lines: [errorText(error)],
            tone: 'error',
          },
        });
      }
      return;
    }
    case 'exportOwner':
      dispatch({ type: 'showMessage', message: await exportMessage(api, effect) });
      return;
    case 'welcomeSeen':
      session.welcomeSeen();
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
