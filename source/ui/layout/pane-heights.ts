// How tall each list of the main screen is, from the terminal's rows: the views draw these heights
// and the page keys (PgUp, PgDn) move by the rows a list shows, so both read them here.
import type { Pane } from '../state/model.js';

/** Lines of a list's box that are not rows: its two borders and its title. */
const LIST_CHROME = 3;

/** The main screen's body: the terminal less its spare last line, the header and the footer. */
export function bodyHeight(rows: number): number {
  return rows - 3;
}

/** The owners' box and the apps' box, which share the left column's height. */
export function leftHeights(height: number, ownerCount: number): { owners: number; apps: number } {
  const owners = Math.min(Math.max(4, ownerCount + LIST_CHROME), Math.max(4, Math.floor(height * 0.4)));
  return { owners, apps: Math.max(4, height - owners) };
}

/**
 * The rows a pane's list shows, for paging. The hooks table's box has its borders and the tabs, then
 * its summary and its header.
 */
export function pageSize(pane: Pane, rows: number, ownerCount: number): number {
  const body = bodyHeight(rows);
  if (pane === 'hooks') return Math.max(1, body - 3 - 2);
  const left = leftHeights(body, ownerCount);
  return Math.max(1, (pane === 'owners' ? left.owners : left.apps) - LIST_CHROME);
}

/** The rows of the Problems view's table: its box's borders, its two heading lines, its caption and its header. */
export function problemsPageSize(rows: number): number {
  return Math.max(1, bodyHeight(rows) - 6);
}
