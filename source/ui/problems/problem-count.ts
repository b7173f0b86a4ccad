// How an owner's problems read beside it in the owners list: "2 ✗", nothing when it has none.
export function problemCountLabel(count: number): string {
  return count > 0 ? `${count} ✗` : '';
}
