// The Problems view: every problem of every owner, newest first, over the whole body. It renders the
// state (../state/problems.ts); its keys are in ./problems-keys.ts.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { Problem } from '../../domain/problems.js';
import { safeText } from '../../domain/terminal-text.js';
import { Spinner } from '../spinner/spinner.js';
import { allProblems, problemsCursor, unlistedOwners } from '../state/problem-selectors.js';
import { useAppSelector } from '../state/store.js';
import { useOwnersRemote } from '../state/use-app.js';
import { Table } from '../table/table.js';
import { useTheme } from '../theme/theme-context.js';
import { problemColumns } from './problem-columns.js';

const rowKey = (p: Problem) => p.key;

export function ProblemsView({ width, height }: { width: number; height: number }) {
  const theme = useTheme();
  const problems = useAppSelector(allProblems);
  const cursor = useAppSelector(problemsCursor);
  const now = useAppSelector((s) => s.problems.now);
  const sweep = useAppSelector((s) => s.remote.everyOwner);
  const unlisted = useAppSelector(unlistedOwners);
  const owners = useOwnersRemote().data;
  const ownerNames = useMemo(() => new Map((owners ?? []).map((o) => [o.id, o.name])), [owners]);
  const columns = useMemo(() => problemColumns(ownerNames, now), [ownerNames, now]);
  const inner = Math.max(10, width - 4);
  const count = problems.length;
  // Where the rows on screen are, by the shared rule of every list ("13–40 of 41").
  const caption = (position: string) => (
    <Text wrap="truncate" {...theme.text.secondary}>
      {position ? `${position} · ` : ''}
      {`${count} problem${count === 1 ? '' : 's'}`}
    </Text>
  );
  // What the list may miss, said rather than hidden.
  const notes: string[] = [];
  if (unlisted.length > 0)
    notes.push(
      `Hooks of ${safeText(unlisted.join(', '))} not listed (r to retry): their problems are unknown.`,
    );
  if (sweep.appsLeftOut > 0)
    notes.push(
      `Deployments of ${sweep.appsLeftOut} app${sweep.appsLeftOut === 1 ? '' : 's'} not asked for: only their new ones count.`,
    );
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      borderColor={theme.border.focused}
      paddingX={1}
      overflow="hidden"
    >
      <Text wrap="truncate">
        <Text {...theme.text.heading}>Problems of every owner</Text>
        {sweep.loading ? <Text {...theme.text.secondary}> (looking at every owner…)</Text> : null}
      </Text>
      <Text {...theme.text.secondary} wrap="truncate">
        Disabled webhooks, deliveries failed in the last 24 h, apps whose last deployment failed.
      </Text>
      {count === 0 ? (
        sweep.loading ? (
          <Spinner label="Looking at every owner…" />
        ) : (
          <Text {...theme.status.ok}>No problem: every webhook delivers, every last deployment passed.</Text>
        )
      ) : (
        <Table
          columns={columns}
          rows={problems}
          rowKey={rowKey}
          cursor={cursor}
          height={height - 4 - notes.length}
          width={inner}
          focused
          caption={caption}
        />
      )}
      {notes.map((note) => (
        <Text key={note} {...theme.status.warning} wrap="truncate">
          {note}
        </Text>
      ))}
    </Box>
  );
}
