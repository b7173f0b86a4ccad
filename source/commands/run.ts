// Runs a command's work against a connection and always closes it (the embedded sandbox included).
import { ApiError } from '../api/errors.js';
import type { ApiTarget, CleverApi } from '../api/types.js';
import { UserError } from '../domain/errors.js';
import { connect } from '../startup/connection.js';
import type { CommonFlags } from './common-options.js';

export async function withApi<T>(flags: CommonFlags, work: (api: CleverApi) => Promise<T>): Promise<T> {
  const connection = await connect({ sandbox: flags.sandbox === true });
  try {
    return await work(connection.api);
  } catch (error) {
    throw staleSandbox(error, connection.api.target) ?? error;
  } finally {
    await connection.close();
  }
}

/**
 * An API_HOST on this machine that nothing answers is, in practice, a sandbox that has stopped (an old
 * `eval "$(cat DATA/env)"`): say so and what to do, not only "cannot reach". Only a hint for the
 * message: whether an API is a sandbox is otherwise asked of the API (`identify()`).
 */
function staleSandbox(error: unknown, target: ApiTarget): UserError | undefined {
  if (!(error instanceof ApiError) || !error.unreachable) return undefined;
  if (target.embedded || process.env.API_HOST === undefined || !onThisMachine(target.apiHost))
    return undefined;
  return new UserError(
    `nothing answers at ${target.apiHost} (API_HOST): if it was a sandbox, it has stopped. Start one with ` +
      '`clever-notify sandbox` and run `eval "$(cat DATA/env)"` again, or `unset API_HOST CLEVER_TOKEN ' +
      'CLEVER_SECRET` to use the sandbox that clever-notify starts by itself',
  );
}

function onThisMachine(apiHost: string): boolean {
  const host = URL.canParse(apiHost) ? new URL(apiHost).hostname : '';
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

/**
 * Ends a long-running command (`tail`, `listen`) on Ctrl-C, on SIGTERM, and when its reader went away
 * (`… | head -1`), quietly, like any Unix filter. Returns the undo, for when the command ends itself.
 */
export function stopOnSignalsOrClosedOutput(stop: () => void): () => void {
  const onOutputError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stop();
    else throw error;
  };
  process.stdout.on('error', onOutputError);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.stdout.off('error', onOutputError);
  };
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
