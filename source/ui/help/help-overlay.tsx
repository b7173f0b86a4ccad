import { Box, Text } from 'ink';
import { bindingLabel, effectiveKeyMaps, helpKeys, hintsOf, type KeyMap } from '../keys/key-map.js';
import { keyLabel } from '../keys/key-names.js';
import { useTheme } from '../theme/theme-context.js';
import { helpLayout } from './help-layout.js';

/** The `?` overlay: every command of the screen, generated from the key maps that drive it. */
export function HelpOverlay({
  maps,
  scroll,
  width,
  height,
}: {
  maps: readonly KeyMap[];
  /** The first line shown when they do not all fit (the reducer keeps it within `helpLayout`). */
  scroll: number;
  width: number;
  height: number;
}) {
  const theme = useTheme();
  const keyWidth = 16;
  const rows: { key: string; node: React.ReactNode }[] = [];
  // Only the keys that act here: a key an earlier map takes is listed once, under that map.
  const effective = effectiveKeyMaps(maps);
  const taken = (id: string) => {
    const mine = effective.shadowed.filter((x) => x.command.id === id);
    if (mine.length === 0) return null;
    const text = mine.map((x) => `${keyLabel(x.key)} is ${x.by.hint ?? x.by.description} here`).join(', ');
    return <Text {...theme.status.warning}>{` (${text})`}</Text>;
  };
  for (const map of effective.maps) {
    rows.push({ key: `t-${map.title}`, node: <Text {...theme.text.heading}>{map.title}</Text> });
    for (const command of map.commands) {
      rows.push({
        key: `${map.title}-${command.id}`,
        node: (
          <Text wrap="truncate">
            <Text {...theme.text.key}>{`  ${bindingLabel(command).padEnd(keyWidth)}`}</Text>
            {command.description}
            {taken(command.id)}
          </Text>
        ),
      });
    }
  }
  // A command that lost only some keys says so on its line; one that lost them all is listed apart.
  const kept = new Set(effective.maps.flatMap((m) => m.commands.map((c) => c.id)));
  const lost = effective.shadowed.filter((x) => !kept.has(x.command.id));
  if (lost.length > 0) {
    rows.push({ key: 't-shadowed', node: <Text {...theme.text.heading}>Taken on this screen</Text> });
    for (const { key, command, by } of lost) {
      rows.push({
        key: `shadowed-${key}-${command.id}`,
        node: (
          <Text wrap="truncate">
            <Text {...theme.text.key}>{`  ${keyLabel(key).padEnd(keyWidth)}`}</Text>
            {`${by.description}, not: ${command.description}`}
          </Text>
        ),
      });
    }
  }
  const layout = helpLayout(rows.length, width, height);
  const top = Math.min(scroll, layout.maxScroll);
  const shown = rows.slice(top, top + layout.visible);
  if (layout.scrollable) {
    const keys = hintsOf([helpKeys])
      .filter((h) => h.label !== 'close')
      .map((h) => `${h.keys} ${h.label}`)
      .join(', ');
    shown.push({
      key: 'position',
      node: (
        <Text wrap="truncate" {...theme.text.secondary}>
          {`lines ${top + 1}–${top + shown.length} of ${rows.length} (${keys})`}
        </Text>
      ),
    });
  }
  const columns = layout.columns;
  const perColumn = Math.ceil(shown.length / columns);
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      paddingX={1}
      overflow="hidden"
    >
      <Text {...theme.text.heading}>Keys (Esc or ? to close)</Text>
      <Box>
        {Array.from({ length: columns }, (_, c) => (
          <Box
            key={`column-${shown[c * perColumn]?.key}`}
            flexDirection="column"
            width={Math.floor((width - 4) / columns)}
          >
            {shown.slice(c * perColumn, (c + 1) * perColumn).map((r) => (
              <Box key={r.key}>{r.node}</Box>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
