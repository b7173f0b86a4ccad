// The destination and the extra headers of `listen`, checked before anything connects.
import { UserError } from '../../domain/errors.js';

/** `localhost:3000/hooks` (no scheme) means http://; a bare port (`3000`, `:3000`) means localhost. */
export function forwardUrl(value: string): string {
  const text = value.trim();
  const port = /^:?(\d{1,5})(\/.*)?$/.exec(text);
  const withScheme = port
    ? `http://localhost:${port[1]}${port[2] ?? '/'}`
    : /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
      ? text
      : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UserError(
      `--forward-to ${JSON.stringify(value)} is not a URL: write e.g. localhost:3000/hooks or https://example.test/hook`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`--forward-to must be an http:// or https:// URL, not ${url.protocol}//`);
  }
  return url.toString();
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `-H "X-Token: dev"`, repeated: names lower-cased, so that one given twice (or `Content-Type`) replaces. */
export function parseHeaders(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    const name = colon > 0 ? value.slice(0, colon).trim() : '';
    const text = colon > 0 ? value.slice(colon + 1).trim() : '';
    if (!TOKEN.test(name)) {
      throw new UserError(`--header ${JSON.stringify(value)} is not "Name: value" (e.g. -H "X-Token: dev")`);
    }
    if (/[\r\n\0]/.test(text)) throw new UserError(`--header ${name}: a value cannot hold a line break`);
    headers[name.toLowerCase()] = text;
  }
  return headers;
}
