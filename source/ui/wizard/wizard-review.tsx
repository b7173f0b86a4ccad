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
import { emailHookInputOf, isDeadFormat, webhookInputOf } from './wizard-input.js';
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
  // The API body and the receiver's preview share what the commands leave, the body first.
  const commandLines = commands.reduce((n, c) => n + wrappedLines(c, width), 0);
  const origin = `The receiver gets (${state.format}): ${payloadOrigin(state.format)}`;
  const previewLines = preview ? 1 + wrappedLines(origin, width) : 0;
  const space = Math.max(3, height - commandLines - 4 - (summary ? 1 : 0) - previewLines);
  const previewWant = preview ? Math.min(preview.length, Math.max(2, Math.floor(space / 2))) : 0;
  const room = Math.min(json.length, Math.max(3, space - previewWant));
  const previewRoom = Math.max(2, space - room);
  return (
    <Box flexDirection="column">
      {summary && (
        <Text wrap="truncate">
          <Text {...theme.text.heading}>Recipients: </Text>
          {summary}
        </Text>
      )}
      <Text {...theme.text.secondary} wrap="truncate">{`${method} ${path}`}</Text>
      {json.slice(0, room).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one JSON document
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
      {json.length > room && <Text {...theme.text.secondary}>{`… ${json.length - room} more lines`}</Text>}
      {preview && (
        <Text wrap="wrap">
          <Text {...theme.text.heading}>{`The receiver gets (${state.format}): `}</Text>
          <Text {...theme.text.secondary}>{payloadOrigin(state.format)}</Text>
        </Text>
      )}
      {preview?.slice(0, previewRoom).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one JSON document
        <Text key={`p-${i}`} wrap="truncate">
          {line}
        </Text>
      ))}
      {preview && preview.length > previewRoom && (
        <Text {...theme.text.secondary}>{`… ${preview.length - previewRoom} more lines`}</Text>
      )}
      <Text {...theme.text.heading}>
        {editing ? 'The same on the command line:' : 'The same with clever-tools:'}
      </Text>
      {commands.map((c) => (
        <Text key={c} wrap="wrap">
          {c}
        </Text>
      ))}
      {isDeadFormat(state) && kind === 'webhook' && (
        <Text
          {...theme.status.warning}
        >{`Warning: ${state.format} is a dead target; nothing will receive these messages.`}</Text>
      )}
      {state.submitting ? (
        <Spinner label={state.mode === 'add' ? 'Creating…' : 'Saving…'} />
      ) : state.submitError ? (
        <Text {...theme.status.error} wrap="wrap">
          {`✗ The API refused it: ${state.submitError}. Esc goes back to fix a step (nothing is lost); Enter retries.`}
        </Text>
      ) : (
        <Text
          {...theme.status.ok}
        >{`Enter to ${state.mode === 'add' ? 'create' : 'save'} it, Esc to go back.`}</Text>
      )}
    </Box>
  );
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
  const format: WebhookFormat = state.format;
  return useMemo(() => {
    if (kind !== 'webhook') return undefined;
    const context = payloadContext({ ownerName, app: app && { id: app.id, name: app.name } });
    const { body } = webhookRequest(format, sampleEvent(ownerId, app?.id), context);
    return JSON.stringify(JSON.parse(body), null, 2)
      .split('\n')
      .map((line) => safeText(line));
  }, [kind, ownerId, ownerName, app, format]);
}
