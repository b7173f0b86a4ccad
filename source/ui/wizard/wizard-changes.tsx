// The review of an edit: what changes, field by field. `-` is the value now and `+` the value once
// saved, so that the change reads without colour too; unchanged fields are named on one line.
import { Box, Text } from 'ink';
import { useTheme } from '../theme/theme-context.js';
import type { FieldDiff } from './wizard-diff.js';

const LABEL = 13;

/** The lines the view takes within `max`, so that the review can share its height. */
export function changesLineCount(fields: readonly FieldDiff[], max: number): number {
  const changed = fields.filter((f) => f.changed);
  const unchanged = fields.length - changed.length;
  const lines = changed.reduce((n, f) => n + f.lines.length, 0);
  return 1 + Math.min(lines, max) + (unchanged > 0 ? 1 : 0);
}

/** The changes, at most `max` lines of them (the last one then says how many more there are). */
export function ChangesView({ fields, max }: { fields: readonly FieldDiff[]; max: number }) {
  const theme = useTheme();
  const changed = fields.filter((f) => f.changed);
  const unchanged = fields.filter((f) => !f.changed).map((f) => f.field);
  const markStyle = { '-': theme.status.error, '+': theme.status.ok, ' ': theme.text.secondary } as const;
  const rows = changed.flatMap((field) => field.lines.map((line, i) => ({ field, line, i })));
  const shown = rows.length > max ? rows.slice(0, Math.max(0, max - 1)) : rows;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text {...theme.text.heading}>
          {changed.length === 0 ? 'Nothing changed' : `Changes (${changed.length})`}
        </Text>
        <Text {...theme.text.secondary}>
          {changed.length === 0 ? ': saving sends the hook as it is' : ': - now, + once saved'}
        </Text>
      </Text>
      {shown.map(({ field, line, i }) => (
        <Text key={`${field.field}-${i}`} wrap="truncate">
          <Text {...theme.text.heading}>{(i === 0 ? `~ ${field.field}` : '').padEnd(LABEL)}</Text>
          <Text {...markStyle[line.mark]}>{`${line.mark} ${line.text}`}</Text>
        </Text>
      ))}
      {shown.length < rows.length && (
        <Text {...theme.text.secondary} wrap="truncate">
          {`${''.padEnd(LABEL)}… ${rows.length - shown.length} more lines of changes (a taller terminal shows them)`}
        </Text>
      )}
      {unchanged.length > 0 && (
        <Text {...theme.text.secondary} wrap="truncate">
          {`${'= same'.padEnd(LABEL)}${unchanged.join(', ')} unchanged`}
        </Text>
      )}
    </Box>
  );
}
