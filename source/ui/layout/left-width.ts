// The width of the left column (owners and apps), from what it lists: wide enough for the longest
// owner or app line, within bounds, and a smaller share of a narrow terminal.
import { appStateLabel } from '../owners/app-state-label.js';

const MIN = 22;
const MAX = 34;
/** Border and padding (4) and the selection marker (2), as ListView draws them. */
const CHROME = 6;

function lineWidth(label: string, detail: string): number {
  return CHROME + [...label].length + (detail ? 1 + [...detail].length : 0);
}

/** The longest owner or app line; every owner's apps count, so the layout does not jump between owners. */
export function naturalLeftWidth(
  owners: readonly { name: string; apps: readonly { name: string; state: string }[] }[],
): number {
  let widest = 0;
  for (const owner of owners) {
    widest = Math.max(widest, lineWidth(owner.name, String(owner.apps.length)));
    for (const app of owner.apps)
      widest = Math.max(widest, lineWidth(app.name, appStateLabel(app.state).text));
  }
  return widest;
}

export function leftColumnWidth(columns: number, natural: number): number {
  const max = Math.min(MAX, Math.floor(columns * 0.3));
  const min = Math.min(MIN, max);
  return Math.max(min, Math.min(max, natural));
}
