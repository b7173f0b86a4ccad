// Errors of the HTTP client, written for users: what failed, against which host, owner or hook, and
// what to do. They never hold a credential (see redact in http.ts).
import { UserError } from '../domain/errors.js';
import { ApiErrorBody } from '../domain/schemas.js';
import { safeText } from '../domain/terminal-text.js';

export class ApiError extends UserError {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status?: number,
    /** No answer came at all (refused, timed out): not the same as an answer that says no. */
    readonly unreachable = false,
  ) {
    super(message);
  }
}

/** `message`, then `error`, then the text itself (trimmed to one short line). */
export function errorBodyText(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'string') return oneLine(parsed);
  const body = ApiErrorBody.safeParse(parsed);
  if (body.success) {
    const value = 'message' in body.data ? body.data.message : body.data.error;
    return oneLine(String(value));
  }
  return oneLine(text);
}

/** A server's words, on one short line that cannot drive the terminal. */
function oneLine(text: string): string {
  const flat = safeText(text.replace(/\s+/g, ' ').trim());
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

export interface FailureContext {
  method: string;
  path: string;
  host: string;
  /** What the request was about, e.g. "owner orga_…" or "webhook X of owner orga_…". */
  subject?: string;
  /** How the credentials were given, for the advice on 401. */
  credentialsKind: 'oauth' | 'api-token';
}

export function statusError(status: number, bodyText: string, context: FailureContext): ApiError {
  const detail = errorBodyText(bodyText);
  const suffix = detail ? `: ${detail}` : '';
  const about = context.subject ?? `${context.method} ${context.path}`;
  switch (status) {
    case 401: {
      const advice =
        context.credentialsKind === 'api-token'
          ? 'check CLEVER_API_TOKEN (it may have expired or been revoked)'
          : 'run `clever login`, or set CLEVER_TOKEN and CLEVER_SECRET';
      return new ApiError(`${context.host} refused the credentials (401${suffix}): ${advice}`, status);
    }
    case 403:
      return new ApiError(`access to ${about} is forbidden (403${suffix})`, status);
    case 404:
      return new ApiError(`${about} was not found (404${suffix})`, status);
    default:
      return new ApiError(
        `${context.host} answered ${status} to ${context.method} ${context.path}${suffix}`,
        status,
      );
  }
}
