// The state of a live feed in a few words, for the stderr line of `tail` and the Activity header.
import type { LiveConnection } from './live-model.js';

export type ConnectionTone = 'good' | 'warn' | 'bad';

export function connectionText(
  connection: LiveConnection,
  now: number,
): { text: string; tone: ConnectionTone } {
  const socket = connection.socket;
  const parts: string[] = [];
  let tone: ConnectionTone = 'good';
  if (socket.state === 'connected') parts.push('connected');
  else if (socket.state === 'connecting') {
    parts.push(socket.attempt > 0 ? 'reconnecting…' : 'connecting…');
    tone = 'warn';
  } else if (socket.state === 'reconnecting') {
    parts.push(`reconnecting in ${Math.max(0, Math.ceil((socket.at - now) / 1000))} s (${socket.reason})`);
    tone = 'warn';
  } else if (socket.state === 'failed') {
    parts.push(socket.message);
    tone = 'bad';
  } else parts.push('closed');
  if (connection.polling) parts.push('polling deployments');
  if (connection.deliveries && connection.deliveries.state !== 'connected') {
    parts.push(`delivery log ${connection.deliveries.state === 'closed' ? 'closed' : 'reconnecting'}`);
    if (tone === 'good') tone = 'warn';
  }
  return { text: parts.join(' · '), tone };
}
