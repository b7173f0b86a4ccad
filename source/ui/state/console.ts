// The Console key: the Clever Cloud Console page of the selected app, else of the selected owner. On
// the sandbox its ids exist nowhere else, so the address is shown and not opened.
import { consoleUrl } from '../../domain/console-url.js';
import { queue, withStatus } from './hook-commands.js';
import type { AppState } from './model.js';
import { selectedApp, selectedOwner } from './selectors.js';

export function openConsole(state: AppState): AppState {
  const owner = selectedOwner(state);
  if (!owner) return withStatus(state, 'No owner selected.', 'info');
  const app = selectedApp(state);
  const url = consoleUrl(owner, app?.id);
  const page = app ? app.name : owner.name;
  if (state.remote.who?.sandbox)
    return {
      ...state,
      overlay: {
        type: 'message',
        message: {
          title: `Console page of ${page}`,
          lines: [
            url,
            'This is the sandbox: its ids are not in the real Console, so the page is not opened.',
          ],
          tone: 'info',
        },
      },
    };
  return queue(state, { type: 'openUrl', url, page });
}
