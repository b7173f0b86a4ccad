// `clever-notify tail`: follows the live model (docs/live-model.md) until Ctrl-C (or until the
// credentials are refused) and prints its changes in the chosen format. The connection state goes to
// stderr, and only on a terminal.
import { connectionText } from '../../api/live/connection-text.js';
import type { LiveModel } from '../../api/live/live-model.js';
import { createLiveModel } from '../../api/live/live-store.js';
import { UserError } from '../../domain/errors.js';
import type { ActivityRow } from '../../domain/live-activity.js';
import { compileLiveFilter } from '../../domain/live-filter.js';
import { connect } from '../../startup/connection.js';
import { orgOf } from '../common-options.js';
import { paintFor, type Tone } from '../format/style.js';
import { stopOnSignalsOrClosedOutput } from '../run.js';
import type { TailFlags } from '../tail.js';
import { resolveTailFilter } from './filter.js';
import { jsonStreamPrinter, linePrinter, type Printer, statusLine, terminalPrinter } from './printers.js';
import { parseSince } from './since.js';

/** Redraw once a second on a terminal: countdowns ("retry in 4 s") and settling rows move with time. */
const TICK_MS = 1000;

export async function runTail(flags: TailFlags): Promise<void> {
  // A bad --since is said before anything connects.
  const replaySince = flags.since !== undefined ? parseSince(flags.since) : undefined;
  const connection = await connect({ sandbox: flags.sandbox === true });
  let store: LiveModel | undefined;
  let printer: Printer | undefined;
  let status: Pick<Printer, 'status' | 'finish'> | undefined;
  let tick: NodeJS.Timeout | undefined;
  let release: (() => void) | undefined;
  try {
    const filter = await resolveTailFilter(connection.api, {
      org: orgOf(flags),
      app: flags.app,
      event: flags.event,
    });
    const visible = (row: ActivityRow) => !filter.appId || row.appId === filter.appId;
    const write = (text: string) => process.stdout.write(text);
    const errTerminal = process.stderr.isTTY === true;
    if (flags.format === 'json-stream') printer = jsonStreamPrinter(write, visible);
    else if (process.stdout.isTTY) {
      printer = terminalPrinter(
        process.stdout,
        errTerminal ? process.stderr : undefined,
        visible,
        paintFor(process.stdout),
      );
    } else printer = linePrinter(write, visible, paintFor(process.stdout));
    status = printer.status
      ? (printer as Required<Printer>)
      : errTerminal
        ? statusLine(process.stderr, paintFor(process.stderr))
        : undefined;

    let lastStatus = '';
    let failed: string | undefined;
    let finish: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const live = createLiveModel({
      api: connection.api,
      credentials: connection.credentials,
      filter: compileLiveFilter(filter),
      ...(filter.appId ? { watchedApps: [filter.appId] } : {}),
      ...(replaySince !== undefined ? { replaySince } : {}),
    });
    store = live;
    const render = () => {
      const snapshot = live.getSnapshot();
      const now = Date.now();
      printer!.update(snapshot, now);
      const { text, tone } = connectionText(snapshot.connection, now);
      if (text !== lastStatus) {
        lastStatus = text;
        status?.status?.(text, tone as Tone);
      }
      if (snapshot.connection.socket.state === 'failed') {
        failed = snapshot.connection.socket.message;
        finish();
      }
    };
    live.subscribe(render);
    if (status) tick = setInterval(render, TICK_MS);
    const undoStop = stopOnSignalsOrClosedOutput(finish);
    void live.load();
    release = live.watch();
    await done;
    undoStop();
    if (failed) throw new UserError(failed);
  } finally {
    clearInterval(tick);
    release?.();
    store?.close();
    printer?.finish();
    status?.finish?.();
    await connection.close();
  }
}
