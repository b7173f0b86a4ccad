// The sandbox's route table. Routes are `METHOD /path/:param`; any module may add its own (the
// extension API does) before or after the server listens. A path that no route knows is 404; a known
// path with another method is 405.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
}

/** Writes the answer (see ./respond.ts) or throws an HttpError. */
export type RouteHandler = (context: RouteContext) => void | Promise<void>;

export interface RouteOptions {
  /** Routes are authenticated unless this is false. */
  auth?: boolean;
}

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
  auth: boolean;
}

export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string>; auth: boolean }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler, options: RouteOptions = {}): this {
    this.routes.push({
      method: method.toUpperCase(),
      segments: splitPath(pattern),
      handler,
      auth: options.auth ?? true,
    });
    return this;
  }

  get(pattern: string, handler: RouteHandler, options?: RouteOptions): this {
    return this.add('GET', pattern, handler, options);
  }
  post(pattern: string, handler: RouteHandler, options?: RouteOptions): this {
    return this.add('POST', pattern, handler, options);
  }
  put(pattern: string, handler: RouteHandler, options?: RouteOptions): this {
    return this.add('PUT', pattern, handler, options);
  }
  delete(pattern: string, handler: RouteHandler, options?: RouteOptions): this {
    return this.add('DELETE', pattern, handler, options);
  }

  match(method: string, pathname: string): RouteMatch {
    const segments = splitPath(pathname);
    const upper = method.toUpperCase();
    const allowed: string[] = [];
    for (const route of this.routes) {
      if (!matchesSegments(route.segments, segments)) continue;
      const params = paramsOf(route.segments, segments);
      if (!params) continue;
      if (route.method === upper) return { kind: 'found', handler: route.handler, params, auth: route.auth };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

// Tried against every route of every request: it allocates nothing (the parameters are decoded
// once a route matches).
function matchesSegments(pattern: string[], actual: string[]): boolean {
  if (pattern.length !== actual.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i]!;
    if (part.charCodeAt(0) !== COLON && part !== actual[i]) return false;
  }
  return true;
}

const COLON = ':'.charCodeAt(0);

/** The path parameters, percent-decoded; undefined when one cannot be decoded (no match). */
function paramsOf(pattern: string[], actual: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i]!;
    if (part.charCodeAt(0) !== COLON) continue;
    try {
      params[part.slice(1)] = decodeURIComponent(actual[i]!);
    } catch {
      return undefined;
    }
  }
  return params;
}
