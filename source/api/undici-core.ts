// The two pieces of undici the client uses: its Agent and `request`. Imported from their own files
// rather than from the package index, which also loads fetch, cookies and Node's built-in copy of
// undici (a second WebAssembly HTTP parser): 6 MB of memory and time at every start, measured on a
// command that makes one request. undici is pinned (package.json) and has no `exports` map.
import type { Agent as AgentType, Dispatcher, errors as ErrorsType } from 'undici';
import apiRequest from 'undici/lib/api/api-request.js';
import undiciErrors from 'undici/lib/core/errors.js';
import AgentClass from 'undici/lib/dispatcher/agent.js';

export const Agent = AgentClass as unknown as typeof AgentType;
export type Agent = AgentType;
export const errors = undiciErrors as unknown as typeof ErrorsType;

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Agent };

/** `undici.request(url, options)`, on the given agent. */
export function request(url: string, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = options;
  const target = new URL(url);
  return (
    apiRequest as unknown as (
      this: Agent,
      opts: Dispatcher.RequestOptions,
    ) => Promise<Dispatcher.ResponseData>
  ).call(dispatcher, { ...rest, origin: target.origin, path: `${target.pathname}${target.search}` });
}
