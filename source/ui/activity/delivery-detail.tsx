// One delivery opened: what was sent, what came back, how long it took, and every attempt.
import { Box, Text } from 'ink';
import { type DeliveryLine, latestAttempt } from '../../domain/live-activity.js';
import { clockTime, deliveryOutcome, type LiveNames } from '../../domain/live-format.js';
import { fullMaskedUrl } from '../../domain/masking.js';
import { payloadOrigin } from '../../domain/payloads.js';
import { safeText } from '../../domain/terminal-text.js';
import { useTheme } from '../theme/theme-context.js';

function prettyBody(text: string): string[] {
  try {
    return JSON.stringify(JSON.parse(text), null, 2).split('\n');
  } catch {
    return text.split('\n');
  }
}

/** The detail as plain lines, so that the view can window them and tests can read them. */
export function deliveryDetailLines(line: DeliveryLine, names: LiveNames, now: number): string[] {
  const last = latestAttempt(line);
  const lines = [
    `Hook       ${names.hookNames.get(line.hookId) ?? line.hookId} (${line.hookId})`,
    `URL        ${fullMaskedUrl(line.url)} (${line.format})`,
    `Event      ${line.eventType} · event id ${line.eventId}`,
    `Outcome    ${deliveryOutcome(last)}${last.ok ? ' · delivered' : last.final ? ' · gave up' : ''}`,
    `Timing     ${Math.round(last.durationMs)} ms at ${clockTime(last.at)}${
      last.nextAttemptAt !== undefined
        ? ` · next attempt in ${Math.max(0, Math.ceil((last.nextAttemptAt - now) / 1000))} s`
        : ''
    }`,
  ];
  if (last.warning) lines.push(`Warning    ${last.warning}`);
  lines.push('', `Attempts (${line.attempts.length})`);
  for (const a of line.attempts) {
    lines.push(
      `  #${a.attempt}  ${clockTime(a.at)}  ${deliveryOutcome(a).padEnd(12)}  ${Math.round(a.durationMs)} ms`,
    );
  }
  lines.push('', `Request body (${payloadOrigin(line.format)})`);
  lines.push(...prettyBody(last.requestBody).map((l) => `  ${l}`));
  lines.push('', 'Response excerpt');
  lines.push(
    ...(last.responseExcerpt ? last.responseExcerpt.split('\n').map((l) => `  ${l}`) : ['  (none)']),
  );
  // A receiver's answer and the names come from outside: shown, never obeyed by the terminal.
  return lines.map((text) => safeText(text));
}

export function DeliveryDetail({
  line,
  names,
  now,
  scroll,
  height,
}: {
  line: DeliveryLine;
  names: LiveNames;
  now: number;
  scroll: number;
  height: number;
}) {
  const theme = useTheme();
  const lines = deliveryDetailLines(line, names, now);
  const top = Math.max(0, Math.min(scroll, lines.length - height));
  return (
    <Box flexDirection="column">
      {lines
        .map((text, n) => ({ n, text }))
        .slice(top, top + height)
        .map(({ n, text }) => (
          <Text
            key={n}
            wrap="truncate"
            {...(/^[A-Z]/.test(text) && !text.includes('  ') ? theme.text.heading : {})}
          >
            {text || ' '}
          </Text>
        ))}
    </Box>
  );
}
