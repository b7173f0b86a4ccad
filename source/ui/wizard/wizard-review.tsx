// The last wizard step: what will be sent, as the request and as the clever-tools command line.

import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { hookPath } from '../../api/hook-paths.js';
import { payloadContext, payloadOrigin, sampleEvent, webhookRequest } from '../../domain/payloads.js';
import type { WebhookFormat } from '../../domain/schemas.js';
import { safeText } from '../../domain/terminal-text.js';
import {
  emailHookCommand,
  emailHookEditCommand,
  webhookCommand,
  webhookEditCommand,
} from '../hooks/clever-command.js';
import { Spinner } from '../spinner/spinner.js';
import { useTheme } from '../theme/theme-context.js';
import { personName } from './recipients.js';
import { ChangesView, changesLineCount } from './wizard-changes.js';
import { fieldDiffs } from './wizard-diff.js';
import { deadFormats, emailHookInputOf, urlsOf, webhookInputOf } from './wizard-input.js';
import type { WizardState } from './wizard-state.js';
import { addressList } from './wizard-state.js';
import { wrappedLines } from './wrap.js';

export function ReviewStep({ state, width, height }: { state: WizardState; width: number; height: number }) {
  const theme = useTheme();
  const { kind, ownerId } = state.context;
  const input = kind === 'webhook' ? webhookInputOf(state) : emailHookInputOf(state);
  // An edit is an edit on the command line too: an `add` there would make a second hook.
  const editing = state.mode !== 'add' && state.hookId !== undefined;
  const commands = editing
    ? [
        kind === 'webhook'
          ? webhookEditCommand(ownerId, state.hookId!, webhookInputOf(state))
          : emailHookEditCommand(ownerId, state.hookId!, emailHookInputOf(state)),
      ]
    : kind === 'webhook'
      ? webhookCommand(ownerId, webhookInputOf(state))
      : [emailHookCommand(ownerId, emailHookInputOf(state))];
  const json = JSON.stringify(input, null, 2).split('\n');
  const method = state.mode === 'add' ? 'POST' : 'PUT';
  const path = hookPath(kind === 'webhook' ? 'webhooks' : 'emailhooks', ownerId, state.hookId);
  const summary = kind === 'email' ? recipientsSummary(state) : undefined;
  const preview = useReceiverPreview(state);
  const format = previewFormat(state);
  const changes = fieldDiffs(state);
  // The changes may take half the height; the rest is for the request and what Enter does.
  const changesMax = Math.max(3, Math.floor(height / 2) - 2);
  const dead = kind === 'webhook' ? deadFormats(state) : [];
  // What must show stands first: the changes of an edit, the commands, the answer line. The API body
  // and the receiver's preview share what is left, the body first; each says how much it leaves out.
  // A command with a very long URL would push the rest off the screen: past a quarter of the height,
  // each command takes one line, cut at the end.
  const wrapped = commands.reduce((n, c) => n + wrappedLines(c, width), 0);
  const cutCommands = wrapped > Math.max(2, Math.floor(height / 4));
  const commandLines = cutCommands ? commands.length : wrapped;
  const origin = `The receiver gets (${format}): ${payloadOrigin(format)}`;
  const previewLines = preview ? wrappedLines(origin, width) : 0;
  const fixed =
    (changes ? changesLineCount(changes, changesMax) : 0) +
    (summary ? 1 : 0) +
    1 +
    1 +
    commandLines +
    dead.length +
    wrappedLines(answerLine(state), width);
  const space = Math.max(2, height - fixed - previewLines);
  const previewWant = preview ? Math.min(preview.length, Math.max(1, Math.floor(space / 2))) : 0;
  const room = Math.min(json.length, Math.max(1, space - previewWant));
  const previewRoom = Math.max(1, space - room);
  const cut = (total: number, shown: number) => (total > shown ? Math.max(0, shown - 1) : shown);
  return (
    <Box flexDirection="column">
      {changes && <ChangesView fields={changes} max={changesMax} />}
      {summary && (
        <Text wrap="truncate">
          <Text {...theme.text.heading}>Recipients: </Text>
          {summary}
        </Text>
      )}
      <Text {...theme.text.secondary} wrap="truncate">{`${method} ${path}`}</Text>
      {json.slice(0, cut(json.length, room)).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one JSON document
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
      {json.length > room && (
        <Text
          {...theme.text.secondary}
        >{`… ${json.length - cut(json.length, room)} more lines of the body`}</Text>
      )}
      {preview && (
        <Text wrap="wrap">
          <Text {...theme.text.heading}>{`The receiver gets (${format}): `}</Text>
          <Text {...theme.text.secondary}>{payloadOrigin(format)}</Text>
        </Text>
      )}
      {preview?.slice(0, cut(preview.length, previewRoom)).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one JSON document
        <Text key={`p-${i}`} wrap="truncate">
          {line}
        </Text>
      ))}
      {preview && preview.length > previewRoom && (
        <Text
          {...theme.text.secondary}
        >{`… ${preview.length - cut(preview.length, previewRoom)} more lines`}</Text>
      )}
      <Text {...theme.text.heading}>
        {editing ? 'The same on the command line:' : 'The same with clever-tools:'}
      </Text>
      {commands.map((c) => (
        <Text key={c} wrap={cutCommands ? 'truncate-end' : 'wrap'}>
          {c}
        </Text>
      ))}
      {dead.map((f) => (
        <Text key={f} {...theme.status.warning} wrap="truncate">
          {`Warning: ${f} is a dead target; nothing will receive these messages.`}
        </Text>
      ))}
      {state.submitting ? (
        <Spinner label={answerLine(state)} />
      ) : (
        <Text {...(state.submitError ? theme.status.error : theme.status.ok)} wrap="wrap">
          {answerLine(state)}
        </Text>
      )}
    </Box>
  );
}

/** The last line: what Enter does, or why the API refused the hook. */
function answerLine(state: WizardState): string {
  if (state.submitting) return state.mode === 'add' ? 'Creating…' : 'Saving…';
  if (state.submitError) {
    // The API names a URL by its index from 0 (`urls.1.url`); the URLs step numbers them from 1.
    const error = safeText(state.submitError).replace(
      /\burls\.(\d+)\.(url|format)\b/g,
      (field, index: string) => `URL ${Number(index) + 1} (${field})`,
    );
    return `✗ The API refused it: ${error}. Esc goes back to fix a step (nothing is lost); Enter retries.`;
  }
  return `Enter to ${state.mode === 'add' ? 'create' : 'save'} it, Esc to go back.`;
}

/** The format the preview shows: the first URL's (a hook with several URLs may mix formats). */
function previewFormat(state: WizardState): WebhookFormat {
  return urlsOf(state)[0]?.format ?? state.format;
}

/** Who an e-mail hook will write to, in words, for the review. */
function recipientsSummary(state: WizardState): string {
  const view = { ...state.context, members: state.members };
  const parts: string[] = [];
  if (state.wholeTeam) parts.push('the whole team');
  if (state.userIds.length > 0) parts.push(state.userIds.map((id) => personName(view, id)).join(', '));
  const addresses = addressList(state.addresses);
  if (addresses.length > 0) parts.push(addresses.join(', '));
  for (const t of state.otherTargets) parts.push('target' in t && t.target ? t.target : t.type);
  return parts.join('; ');
}

/**
 * What one URL of this webhook receives for a sample deployment, built by the function the sandbox's
 * dispatcher uses; undefined for e-mail hooks. Made once per owner, app and format: the sample carries
 * a fresh id and time.
 */
function useReceiverPreview(state: WizardState): string[] | undefined {
  const { kind, ownerId, ownerName, selectedApp, resources } = state.context;
  const app = selectedApp ?? resources.find((r) => r.kind === 'app');
  const format = previewFormat(state);
  return useMemo(() => {
    if (kind !== 'webhook') return undefined;
    const context = payloadContext({ ownerName, app: app && { id: app.id, name: app.name } });
    const { body } = webhookRequest(format, sampleEvent(ownerId, app?.id), context);
    return JSON.stringify(JSON.parse(body), null, 2)
      .split('\n')
      .map((line) => safeText(line));
  }, [kind, ownerId, ownerName, app, format]);
}
