// The live model's sources: the event socket, the sandbox's streams and the history replay. The model
// loads this module when it is first watched, not when it is made: a screen shows what the REST loads
// found without waiting for the WebSocket client to be read (docs/performance.md).
import { rootCertificates } from 'node:tls';
import { HttpAgent } from '../http-request.js';

export { EventSocket } from '../event-socket.js';
export { deliveryStream, newestDeliveryCursor } from './delivery-stream.js';
export { hookStream } from './hook-stream.js';
export { replayHistory } from './replay.js';

/** The longest wait for a connection, for an answer's headers, and between two parts of a body. */
const TIMEOUT_MS = 30_000;

/** The connections of the sources, with Node's own HTTP client; `ca`: a sandbox's own authority. */
export interface LiveConnections {
  agent: HttpAgent;
  /** The certificates the event socket trusts, when `ca` was given. */
  ca: string[] | undefined;
}

export function liveConnections(ca: string | undefined): LiveConnections {
  return {
    agent: new HttpAgent({ timeoutMs: TIMEOUT_MS, ...(ca ? { extraCa: ca } : {}) }),
    ca: ca ? [...rootCertificates, ca] : undefined,
  };
}
