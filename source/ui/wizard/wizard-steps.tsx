// The body of each wizard step: lists, fields and the review, drawn from the wizard's state.
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { coveringGroup, describeEvent, expandEvents, foldEvents } from '../../domain/events.js';
import { useListWindow } from '../list/use-list-window.js';
import { Spinner } from '../spinner/spinner.js';
import { scrollOffset } from '../table/window.js';
import { TextField } from '../text-field/text-field.js';
import { useTheme } from '../theme/theme-context.js';
import { personName, unlistedUserIds } from './recipients.js';
import { focusedLine } from './wizard-keys.js';
import { ALL_EVENTS, FORMAT_CHOICES, PRESETS } from './wizard-model.js';
import { ReviewStep } from './wizard-review.js';
import { recipientRowsOf, visibleScopeChoices, type WizardState } from './wizard-state.js';
import { UrlsStep, urlEditHeading } from './wizard-urls-step.js';

export function StepView({ state, width, height }: { state: WizardState; width: number; height: number }) {
  const theme = useTheme();
  switch (state.step) {
    case 'preset':
      return (
        <Box flexDirection="column">
          <Text>Most people want one of these; Enter picks, and every later step can still change it.</Text>
          {PRESETS.map((p, i) => (
            <Text key={p.id} wrap="truncate">
              <Text {...(i === state.presetCursor ? theme.selection.focused : {})}>
                {`${i === state.presetCursor ? theme.selectionMarker : ' '} ${p.label}`}
              </Text>
              <Text {...theme.text.secondary}>{`  ${p.description}`}</Text>
            </Text>
          ))}
        </Box>
      );
    case 'name':
      return (
        <Box flexDirection="column">
          <Text>A name to find the hook by, e.g. "Deployments to #ops".</Text>
          <TextField label="Name:" value={state.name} line={focusedLine(state)} focused width={width} />
        </Box>
      );
    case 'url':
      return (
        <Box flexDirection="column">
          <Text>
            {urlEditHeading(state) ? `${urlEditHeading(state)}: ` : ''}Where to send the events: your
            endpoint, or a Slack or Discord incoming-webhook URL.
          </Text>
          <TextField
            label="URL:"
            value={state.url}
            line={focusedLine(state)}
            placeholder="https://hooks.slack.com/services/…"
            focused
            width={width}
          />
        </Box>
      );
    case 'format': {
      // ink-select-input draws the list; the keys go through the wizard's reducer like every other
      // step, so the list is re-mounted on the highlighted line.
      const items = FORMAT_CHOICES.map((c) => ({ key: c.format, label: c.label, value: c.format }));
      return (
        <Box flexDirection="column">
          <Text>
            {urlEditHeading(state) ? `${urlEditHeading(state)}: ` : ''}How the body is written (↑↓ and Enter;
            only raw is Clever Cloud's own, the others as modelled by the sandbox):
          </Text>
          <SelectInput
            key={state.formatCursor}
            items={items}
            initialIndex={state.formatCursor}
            isFocused={false}
          />
        </Box>
      );
    }
    case 'urls':
      return <UrlsStep state={state} height={height} />;
    case 'recipients':
      return <RecipientsStep state={state} width={width} height={height} />;
    case 'events':
      return <EventsStep state={state} height={height} />;
    case 'scope':
      return <ScopeStep state={state} height={height} />;
    case 'review':
      return <ReviewStep state={state} width={width} height={height} />;
  }
}

function check(on: boolean): string {
  return on ? '[x]' : '[ ]';
}

function RecipientsStep({ state, width, height }: { state: WizardState; width: number; height: number }) {
  const theme = useTheme();
  const { context, members } = state;
  const view = { ...context, members };
  const rows = recipientRowsOf(state);
  const cursor = state.recipientCursor;
  const marker = (i: number) => `${i === cursor ? theme.selectionMarker : ' '} `;
  const focus = (i: number) => (i === cursor ? theme.selection.focused : {});
  const unlisted = unlistedUserIds(view, state.userIds);
  const kept = [
    ...unlisted,
    ...state.otherTargets.map((t) => ('target' in t && t.target ? t.target : t.type)),
  ];
  // People come after the team and the text field; only the ones that fit are drawn.
  const firstPerson = 2;
  const personRows = Math.max(1, height - 4 - (kept.length > 0 ? 1 : 0));
  const offset =
    firstPerson +
    scrollOffset(
      Math.max(0, cursor - firstPerson - Math.floor(personRows / 2)),
      Math.max(0, cursor - firstPerson),
      personRows,
      rows.length - firstPerson,
    );
  const shown = rows.slice(offset, offset + personRows);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        Who gets the e-mails (↑↓ move, Space ticks; type addresses, separated by commas):
      </Text>
      <Text wrap="truncate" {...focus(0)}>
        {`${marker(0)}${check(state.wholeTeam)} The whole team (every member of ${context.ownerName})`}
      </Text>
      <Box>
        <Text {...focus(1)}>{marker(1)}</Text>
        <TextField
          label="Addresses:"
          value={state.addresses}
          line={cursor === 1 ? focusedLine(state) : undefined}
          placeholder="ops@example.com, dev@example.com"
          focused={cursor === 1}
          width={width - 2}
        />
      </Box>
      {members.status === 'loading' && <Spinner label={`Loading the members of ${context.ownerName}…`} />}
      {members.status === 'failed' && (
        <Text {...theme.status.error} wrap="truncate">
          {`✗ Could not list the members: ${members.error}. The whole team and addresses still work; Esc then Enter tries again.`}
        </Text>
      )}
      {members.status === 'ready' && (
        <Text {...theme.text.heading} wrap="truncate">
          {members.members.length === 0
            ? `${context.ownerName} lists no members.`
            : `Members of ${context.ownerName} (${members.members.length}):`}
        </Text>
      )}
      {shown.map((row, i) => {
        if (row.kind !== 'person') return null;
        const index = offset + i;
        const { person } = row;
        return (
          <Text key={person.id} wrap="truncate">
            <Text {...focus(index)}>
              {`${marker(index)}${check(state.userIds.includes(person.id))} ${person.label}${person.you && members.status === 'ready' ? ' (you)' : ''}`}
            </Text>
            {person.detail && <Text {...theme.text.secondary}>{`  ${person.detail}`}</Text>}
          </Text>
        );
      })}
      {kept.length > 0 && (
        <Text {...theme.text.secondary} wrap="truncate">
          {`Kept as they are: ${kept.map((id) => personName(view, id)).join(', ')}`}
        </Text>
      )}
    </Box>
  );
}

function EventsStep({ state, height }: { state: WizardState; height: number }) {
  const theme = useTheme();
  const choices = state.eventChoices;
  const { catalogue } = state.context;
  const current = choices[state.eventCursor];
  // What the item under the cursor is: a line, and for a group a second line with its members.
  const detail: string[] = [];
  if (current && current.name !== ALL_EVENTS) {
    detail.push(`${current.name}: ${describeEvent(current.name, catalogue)}`);
    if (current.expansion) detail.push(`Covers ${current.expansion.join(', ')}`);
  } else if (current) {
    detail.push('Every event, including the ones Clever Cloud adds later.');
  }
  const listHeight = Math.max(3, height - 1 - detail.length);
  // Group headings take lines too: window over choices, drawing a heading where the group changes.
  const rows = Math.max(3, Math.floor((listHeight - 1) * 0.75));
  // The cursor stays near the middle: the items around it (a group's members) stay in view.
  const { offset, end, position } = useListWindow(state.eventCursor, rows, choices.length, rows);
  const visible = choices.slice(offset, end);
  const saved = foldEvents(state.events, catalogue);
  const covered = expandEvents(saved, catalogue).length;
  const chosen = state.allEvents
    ? 'all events'
    : `${saved.length} chosen${covered !== saved.length ? `, covering ${covered} events` : ''}`;
  const lines: React.ReactNode[] = [];
  let group = offset > 0 ? choices[offset - 1]?.group : undefined;
  visible.forEach((c, i) => {
    const index = offset + i;
    if (c.group !== group) {
      group = c.group;
      lines.push(
        <Text key={`g-${c.group}`} {...theme.text.heading}>
          {c.group}
        </Text>,
      );
    }
    const coveredBy = c.name === ALL_EVENTS ? undefined : coveringGroup(c.name, state.events, catalogue);
    const on =
      c.name === ALL_EVENTS ? state.allEvents : coveredBy !== undefined || state.events.includes(c.name);
    const label = c.name === ALL_EVENTS ? 'All events (also future ones)' : c.name;
    const selected = index === state.eventCursor;
    const style = selected ? theme.selection.focused : coveredBy ? theme.text.secondary : {};
    lines.push(
      <Text key={c.name} wrap="truncate">
        <Text {...style}>{`${selected ? theme.selectionMarker : ' '} ${check(on)} ${label}`}</Text>
        {coveredBy && <Text {...theme.text.secondary}>{` (in ${coveredBy})`}</Text>}
        {c.expansion && <Text {...theme.text.secondary}>{`  = ${c.expansion.join(', ')}`}</Text>}
      </Text>,
    );
  });
  return (
    <Box flexDirection="column">
      <Text>
        Which events (Space toggles): <Text {...theme.status.info}>{chosen}</Text>
        {position ? ` · ${position}` : ''}
      </Text>
      {lines.slice(0, listHeight)}
      {detail.map((line) => (
        <Text key={line} wrap="truncate" {...theme.status.info}>
          {line}
        </Text>
      ))}
    </Box>
  );
}

function ScopeStep({ state, height }: { state: WizardState; height: number }) {
  const theme = useTheme();
  const choices = visibleScopeChoices(state);
  const rows = Math.max(3, height - 2);
  const { offset, end, position } = useListWindow(state.scopeCursor, rows, choices.length, rows);
  const summary =
    state.scopeMode === 'all'
      ? 'all apps and add-ons'
      : state.scopeMode === 'app'
        ? `only ${state.context.selectedApp?.name}`
        : `${state.scope.length} chosen`;
  return (
    <Box flexDirection="column">
      <Text>
        Which apps and add-ons (Enter picks a line; Space ticks apps to choose several; / filters):{' '}
        <Text {...theme.status.info}>{summary}</Text>
        {position ? ` · ${position}` : ''}
      </Text>
      {(state.scopeFiltering || state.scopeFilter) && (
        <Text
          {...theme.status.info}
        >{`/${state.scopeFilter}${state.scopeFiltering ? '▏' : ''}  (${choices.length} shown)`}</Text>
      )}
      {choices.slice(offset, end).map((c, i) => {
        const index = offset + i;
        const selected = index === state.scopeCursor;
        const text =
          c.kind === 'resource'
            ? `${check(state.scope.includes(c.resource.id))} ${c.resource.name}  (${c.resource.kind === 'app' ? 'app' : 'add-on'})`
            : `${(c.kind === 'all' ? state.scopeMode === 'all' : state.scopeMode === 'app') ? '(•)' : '( )'} ${c.label}`;
        return (
          <Text
            key={c.kind === 'resource' ? c.resource.id : c.kind}
            wrap="truncate"
            {...(selected ? theme.selection.focused : {})}
          >
            {`${selected ? theme.selectionMarker : ' '} ${text}`}
          </Text>
        );
      })}
    </Box>
  );
}
