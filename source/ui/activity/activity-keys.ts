// The keys of the Activity tab, declared once: the pane's handler, the footer and the `?` overlay all
// read this table.
import type { KeyMap } from '../keys/key-map.js';

export type ActivityCommand =
  | 'activity.up'
  | 'activity.down'
  | 'activity.pageUp'
  | 'activity.pageDown'
  | 'activity.top'
  | 'activity.bottom'
  | 'list.filter'
  | 'activity.pause'
  | 'activity.open'
  | 'activity.redeliver'
  | 'activity.close';

export const activityKeys: KeyMap<ActivityCommand> = {
  title: 'Activity (live)',
  commands: [
    {
      id: 'activity.up',
      keys: ['up', 'k'],
      description: 'Move up (newer)',
      hint: 'move',
      hintWith: 'activity.down',
    },
    { id: 'activity.down', keys: ['down', 'j'], description: 'Move down (older)' },
    { id: 'activity.pageUp', keys: ['pageup', 'ctrl+u'], description: 'Page up' },
    { id: 'activity.pageDown', keys: ['pagedown', 'ctrl+d'], description: 'Page down' },
    { id: 'activity.top', keys: ['home', 'g'], description: 'Newest row (and follow new rows)' },
    { id: 'activity.bottom', keys: ['end', 'G'], description: 'Oldest row kept' },
    {
      id: 'list.filter',
      keys: ['/'],
      description: 'Filter by app, event type or delivery state',
      hint: 'filter',
    },
    { id: 'activity.pause', keys: ['space'], description: 'Pause or resume the live view', hint: 'pause' },
    {
      id: 'activity.open',
      keys: ['enter'],
      description: 'Open a delivery: request, response, timings, attempts',
      hint: 'open',
    },
    {
      id: 'activity.redeliver',
      keys: ['r'],
      description: 'Redeliver the selected delivery (sandbox)',
      hint: 'redeliver',
    },
    { id: 'activity.close', keys: ['esc'], description: 'Close the delivery, or clear the filter' },
  ],
};
