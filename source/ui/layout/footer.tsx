import { Box, Text } from 'ink';
import { Fragment } from 'react';
import { useAppView } from '../app/contexts.js';
import { activeKeyMaps } from '../app/use-app-state.js';
import { type Hint, hintsOf } from '../keys/key-map.js';
import { useTheme } from '../theme/theme-context.js';

/** The keys of the focused pane, from the same declarations that drive the handlers. */
export function Footer({ width, hints }: { width: number; hints?: Hint[] }) {
  const theme = useTheme();
  const { state } = useAppView();
  const shown = hints ?? hintsOf(activeKeyMaps(state));
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        {state.flash && <Text {...theme.status[state.flash.tone]}>{`${state.flash.text}  `}</Text>}
        {shown.map((h, i) => (
          <Fragment key={`${h.keys}-${h.label}`}>
            {i > 0 ? '  ' : ''}
            <Text {...theme.text.key}>{h.keys}</Text>
            <Text {...theme.text.secondary}>{` ${h.label}`}</Text>
          </Fragment>
        ))}
      </Text>
    </Box>
  );
}
