// Runs a command's work against a connection and always closes it (the embedded sandbox included).
import type { CleverApi } from '../api/types.js';
import { connect } from '../startup/connection.js';
import type { CommonFlags } from './common-options.js';

export async function withApi<T>(flags: CommonFlags, work: (api: CleverApi) => Promise<T>): Promise<T> {
  const connection = await connect({ sandbox: flags.sandbox === true });
  try {
    return await work(connection.api);
  } finally {
    await connection.close();
  }
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function warn(text: string): void {
  process.stderr.write(`${text}\n`);
}

export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}
