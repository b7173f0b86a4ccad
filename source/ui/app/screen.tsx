// The screen's layout: header, the two columns (or an overlay), footer. It reads narrow hooks only;
// the generic views below it take props.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { Busy, ConfirmEnable, ConfirmRemove, ExportPrompt, MessageBox } from '../dialogs/dialogs.js';
import { HelpOverlay } from '../help/help-overlay.js';
import { HookDetail } from '../hooks/hook-detail.js';
import { HooksPane } from '../hooks/hooks-pane.js';
import { hintsOf } from '../keys/key-map.js';
import { Footer } from '../layout/footer.js';
import { Header } from '../layout/header.js';
import { leftColumnWidth, naturalLeftWidth } from '../layout/left-width.js';
import { bodyHeight } from '../layout/pane-heights.js';
import { OwnersPane } from '../owners/owners-pane.js';
import { ProblemsView } from '../problems/problems-view.js';
import {
  useActiveKeyMaps,
  useConnectError,
  useHelpKeyMaps,
  useOverlay,
  useOwnersRemote,
  useStatus,
  useWho,
} from '../state/use-app.js';
import type { TerminalSize } from '../terminal/use-terminal-size.js';
import { Welcome } from '../welcome/welcome.js';
import { WizardOverlay } from './wizard-overlay.js';

export function TooSmall({
  size,
  minColumns,
  minRows,
}: {
  size: TerminalSize;
  minColumns: number;
  minRows: number;
}) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">clever-notify needs</Text>
      <Text wrap="truncate">{`at least ${minColumns}×${minRows};`}</Text>
      <Text wrap="truncate">{`this is ${size.columns}×${size.rows}.`}</Text>
      <Text wrap="truncate">Enlarge it, or q to quit.</Text>
    </Box>
  );
}

function AppHeader({ width }: { width: number }) {
  const who = useWho();
  const connectError = useConnectError();
  const owners = useOwnersRemote();
  // Not connected: the session could not open, or the API did not answer who we are.
  const failed = connectError !== undefined || (!who && owners.status === 'failed');
  return <Header width={width} who={who} connectError={failed} />;
}

function AppFooter({ width }: { width: number }) {
  const maps = useActiveKeyMaps();
  const hints = useMemo(() => hintsOf(maps), [maps]);
  const status = useStatus();
  return <Footer width={width} hints={hints} status={status} />;
}

function HelpScreen({ scroll, width, height }: { scroll: number; width: number; height: number }) {
  const maps = useHelpKeyMaps();
  return <HelpOverlay maps={maps} scroll={scroll} width={width} height={height} />;
}

function WelcomeScreen({ width, height, picking }: { width: number; height: number; picking?: number }) {
  const who = useWho();
  const owners = useOwnersRemote().data ?? [];
  const picker = picking === undefined ? undefined : { owners, cursor: picking };
  return (
    <Box width={width} height={height} justifyContent="center" alignItems="center" overflow="hidden">
      <Welcome width={width} height={height} apiHost={who?.apiHost} picker={picker} />
    </Box>
  );
}

export function Screen({ columns, rows }: { columns: number; rows: number }) {
  const overlay = useOverlay();
  const owners = useOwnersRemote().data;
  // At most rows-1 lines: a frame as tall as the terminal makes Ink repaint everything each time.
  const height = rows - 1;
  const body = bodyHeight(rows);
  const natural = useMemo(() => naturalLeftWidth(owners ?? []), [owners]);
  const left = leftColumnWidth(columns, natural);
  const right = columns - left;

  if (overlay.type === 'wizard') {
    return (
      <Box flexDirection="column" width={columns} height={height}>
        <AppHeader width={columns} />
        <WizardOverlay
          key={overlay.serial}
          kind={overlay.kind}
          hookId={overlay.hookId}
          width={columns}
          height={height - 1}
        />
      </Box>
    );
  }
  let main: React.ReactNode;
  if (overlay.type === 'help') {
    main = <HelpScreen scroll={overlay.scroll} width={columns} height={body} />;
  } else if (overlay.type === 'welcome') {
    main = <WelcomeScreen width={columns} height={body} picking={overlay.picking} />;
  } else if (overlay.type === 'problems') {
    main = <ProblemsView width={columns} height={body} />;
  } else {
    let inRight: React.ReactNode;
    if (overlay.type === 'detail') {
      inRight = (
        <HookDetail
          kind={overlay.kind}
          hookId={overlay.hookId}
          scroll={overlay.scroll}
          showSecrets={overlay.showSecrets === true}
          height={body - 3}
          width={right - 4}
        />
      );
    } else if (overlay.type === 'confirmRemove') {
      inRight = <ConfirmRemove name={overlay.name} kind={overlay.kind} />;
    } else if (overlay.type === 'confirmEnable') {
      inRight = <ConfirmEnable name={overlay.name} failures={overlay.failures} />;
    } else if (overlay.type === 'exportPrompt') {
      inRight = <ExportPrompt ownerName={overlay.ownerName} line={overlay.line} width={right - 2} />;
    } else if (overlay.type === 'busy') {
      inRight = <Busy text={overlay.text} />;
    } else if (overlay.type === 'message') {
      inRight = <MessageBox message={overlay.message} />;
    }
    main = (
      <Box width={columns} height={body}>
        <OwnersPane width={left} height={body} />
        <HooksPane width={right} height={body}>
          {inRight}
        </HooksPane>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={height}>
      <AppHeader width={columns} />
      {main}
      <AppFooter width={columns} />
    </Box>
  );
}
