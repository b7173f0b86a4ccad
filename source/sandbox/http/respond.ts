// Reading requests and writing answers the way the Clever Cloud API does: JSON bodies, errors as
// `{id, message, type}` with the status in `id`, and an empty body for DELETE.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonChunks } from '../storage/json-chunks.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/** An error answer. Throw it from a handler; the server writes it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A list longer than this is sent in pieces when its text is long (see sendJson). */
const PIECEWISE_FROM = 64;

/**
 * Writes `body` as JSON. A long list (10,000 hooks is megabytes of text) is sent in pieces of about
 * 32 K characters, each written once the socket has taken the previous one, with chunked transfer
 * encoding: its text is never one string, which V8 would put in its large-object space and keep
 * until a collection, and never all in memory at once (docs/performance.md, "Where the memory
 * goes"). The items are the list's as it is now: a change made while it is sent is not in it.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  let text: string;
  if (Array.isArray(body) && body.length > PIECEWISE_FROM) {
    const pieces = jsonChunks(body, 1);
    text = pieces.next().value ?? '[]';
    const second = pieces.next();
    if (!second.done) {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.write(text);
      writePieces(res, second.value, pieces).catch(() => res.destroy());
      return;
    }
  } else {
    text = JSON.stringify(body);
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function writePieces(res: ServerResponse, next: string, rest: Iterator<string>): Promise<void> {
  for (let piece: IteratorResult<string> = { done: false, value: next }; !piece.done; piece = rest.next()) {
    if (res.writableNeedDrain && !(await drained(res))) return;
    res.write(piece.value);
  }
  res.end();
}

/** True once the socket wants more; false if the answer was closed first (the client went away). */
function drained(res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (more: boolean) => () => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(more);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

export function sendEmpty(res: ServerResponse, status = 204): void {
  res.writeHead(status);
  res.end();
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { id: status, message, type: 'error' });
}

/**
 * The request's body parsed as JSON. Over 1 MiB → 413 (the rest is not kept); not JSON → 400;
 * no body at all → undefined.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw tooLarge(limit);
  const text = await readText(req, limit);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The body as text, read with the stream's events: a stream's async iterator costs more objects per
 * request than a small body has bytes, on every write (docs/performance.md).
 */
function readText(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // The rest is discarded as it comes, and the 413 goes out.
        cleanUp();
        req.resume();
        reject(tooLarge(limit));
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      cleanUp();
      // One chunk (a small body) is decoded as it is, without a copy.
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const cleanUp = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    // An aborted request ends with 'close' and no 'end'.
    const onClose = () => onError(new Error('the request was aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `the body is larger than ${limit / 1024 / 1024} MiB`);
}
