// Data that comes from the API: loading (possibly with what was there before), ready, or failed
// with a message that says what to do.
export type Remote<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: string; data?: T };

export function loading<T>(previous?: Remote<T>): Remote<T> {
  return previous?.data === undefined ? { status: 'loading' } : { status: 'loading', data: previous.data };
}
