// What the TUI needs from the outside world, given to the App container so that tests can hand it
// a client of their own sandbox and the binary can load the real one after the first frame.
import type { CleverApi } from '../../api/types.js';
import type { TableSort } from '../../domain/table.js';
import { safeText } from '../../domain/terminal-text.js';
import type { SortableTable, TableSorts } from '../state/model.js';

export interface TuiSession {
  api: CleverApi;
  /** For the live model's own connections (event socket, streams); `ca`: a TLS sandbox's CA. */
  credentials: { apiHost: string; authorization: () => string; ca?: string | undefined };
  /** First run without credentials: the welcome screen is due. */
  showWelcome: boolean;
  lastOwnerId?: string;
  rememberOwner(ownerId: string): void;
  /** How each table was last sorted (the settings' `tableSorts`). */
  tableSorts?: TableSorts;
  rememberSort?(table: SortableTable, sort: TableSort | undefined): void;
  welcomeSeen(): void;
  close(): Promise<void>;
}

/** An error as the TUI shows it: its message may quote a server's answer, so it is made terminal-safe. */
export function errorText(error: unknown): string {
  return safeText(error instanceof Error ? error.message : String(error));
}
