// Where the help overlay's lines go: pure, so that the reducer scrolls exactly as far as the view shows.
import { effectiveKeyMaps, type KeyMap } from '../keys/key-map.js';

/** How many lines the overlay lists for these maps: a title per map, a line per command, the lost keys. */
export function helpLineCount(maps: readonly KeyMap[]): number {
  const effective = effectiveKeyMaps(maps);
  const kept = new Set(effective.maps.flatMap((m) => m.commands.map((c) => c.id)));
  const lost = effective.shadowed.filter((x) => !kept.has(x.command.id)).length;
  return effective.maps.reduce((n, m) => n + 1 + m.commands.length, 0) + (lost > 0 ? 1 + lost : 0);
}

export interface HelpLayout {
  columns: number;
  /** Lines listed at once; when they do not all fit, the last line of the box says where one is. */
  visible: number;
  scrollable: boolean;
  maxScroll: number;
}

/** Borders and the title take three lines; a second column when wide enough, else a scrolled one. */
export function helpLayout(lines: number, width: number, height: number): HelpLayout {
  const room = Math.max(1, height - 3);
  if (lines <= room) return { columns: 1, visible: lines, scrollable: false, maxScroll: 0 };
  if (width >= 100 && lines <= room * 2)
    return { columns: 2, visible: lines, scrollable: false, maxScroll: 0 };
  const visible = Math.max(1, room - 1);
  return { columns: 1, visible, scrollable: true, maxScroll: lines - visible };
}
