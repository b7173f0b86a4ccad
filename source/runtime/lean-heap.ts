// For the long-lived processes (the sandbox, the TUI, the tail), whose live data is small: V8 grows
// its young generation to tens of MB under a burst (requests, parsed answers, keys, events) and its
// old generation well past the live heap, and keeps both. Holding them near their start size costs
// a few more quick collections and keeps resident memory near what is really used (measured in
// bench/sandbox, bench/tui and bench/tail). Short commands do not need it.
import { setFlagsFromString } from 'node:v8';

export function keepHeapLean(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=10');
}
