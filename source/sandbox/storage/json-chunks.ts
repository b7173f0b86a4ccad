// JSON text of a large value in pieces, so that saving a world of many hooks never builds it as one
// string (a large object the heap keeps until its next full collection) nor one Buffer of its bytes.
// The text is exactly JSON.stringify's: only the outer levels are walked here, each deeper value is
// JSON.stringify's own output.

/** How many characters a piece collects before it is handed out: below V8's large-object size. */
const PIECE = 32 * 1024;

/** `JSON.stringify(value)`, as strings of about PIECE characters; `depth` levels are walked. */
export function* jsonChunks(value: unknown, depth = 3): Generator<string> {
  // Joined rather than appended: `+=` makes a tree of strings that is flattened (copied) again when
  // the piece is written.
  let texts: string[] = [];
  let length = 0;
  for (const text of parts(value, depth)) {
    texts.push(text);
    length += text.length;
    if (length >= PIECE) {
      yield texts.join('');
      texts = [];
      length = 0;
    }
  }
  if (length > 0) yield texts.join('');
}

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Whether `value` is walked here rather than given whole to JSON.stringify. */
function walked(value: unknown, depth: number): value is object {
  return (
    depth > 0 &&
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function' &&
    (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)
  );
}

/** A value JSON.stringify writes whole (`null` where it would write nothing at the top). */
function whole(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

function* parts(value: unknown, depth: number): Generator<string> {
  if (!walked(value, depth)) {
    yield whole(value);
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      // The last level is written here, without a generator per item.
      if (walked(item, depth - 1)) yield* parts(item, depth - 1);
      else yield omitted(item) ? 'null' : whole(item);
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
    if (walked(field, depth - 1)) yield* parts(field, depth - 1);
    else yield whole(field);
  }
  yield '}';
}
