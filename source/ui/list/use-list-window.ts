import { useRef } from 'react';
import { type ListWindow, listWindow } from '../table/window.js';

/**
 * The window of a list on screen, kept from one frame to the next: it moves as little as possible to
 * keep the cursor in view (with `margin` rows around it). The one window of every list of the TUI,
 * with its position text.
 */
export function useListWindow(cursor: number, height: number, count: number, margin = 0): ListWindow {
  const offset = useRef(0);
  const window = listWindow(offset.current, cursor, height, count, margin);
  offset.current = window.offset;
  return window;
}
