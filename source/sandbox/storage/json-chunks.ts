// JSON text of a large value in pieces, so that saving a world of many hooks never builds it as one
// string (a large object the heap keeps until its next full collection) nor one Buffer of its bytes.
// The text is exactly JSON.stringify's: only the outer levels are walked here, each deeper value is
// JSON.stringify's own output.

/** How many characters a piece collects before it is handed out: below V8's large-object size. */
const PIECE = 32 * 1024;

/** `JSON.stringify(value)`, as strings of about PIECE characters; `depth` levels are walked. */
export function* jsonChunks(value: unknown, depth = 3): Generator<string> {
  let piece = '';
  for (const part of parts(value, depth)) {
    piece += part;
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function* parts(value: unknown, depth: number): Generator<string> {
  const plain =
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function' &&
    (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
  if (depth <= 0 || !plain) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* omitted(value[i]) ? ['null'] : parts(value[i], depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    if (omitted(field)) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* parts(field, depth - 1);
  }
  yield '}';
}
