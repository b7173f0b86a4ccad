// The live model's sources: the event socket, the sandbox's streams, the history replay, and undici,
// their HTTP and WebSocket client (500 KB of JavaScript). The model loads this module when it is first
// watched, not when it is made: a screen shows what the REST loads found without waiting for undici
// to be read and compiled (docs/performance.md).
import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';

export { EventSocket } from '../event-socket.js';
export { deliveryStream } from './delivery-stream.js';
export { hookStream } from './hook-stream.js';
export { replayHistory } from './replay.js';

/** A client that trusts `ca` (a sandbox serving TLS) besides the system's certificates. */
export function agentTrusting(ca: string): Agent {
  return new Agent({ connect: { ca: [...rootCertificates, ca] } });
}
