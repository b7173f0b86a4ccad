// What the TUI needs from the outside world, given to the App container so that tests can hand it
// a client of their own sandbox and the binary can load the real one after the first frame.
import type { CleverApi } from '../../api/types.js';

export interface TuiSession {
  api: CleverApi;
  /** For the live model's own connections (event socket, streams); `ca`: a TLS sandbox's CA. */
  credentials: { apiHost: string; authorization: () => string; ca?: string | undefined };
  /** First run without credentials: the welcome screen is due. */
  showWelcome: boolean;
  lastOwnerId?: string;
  rememberOwner(ownerId: string): void;
  welcomeSeen(): void;
  close(): Promise<void>;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
