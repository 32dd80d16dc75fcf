/**
 * The one way convene orders text: by UTF-16 code unit, never
 * `localeCompare`, so every order (of rows, ids, keys) is the same on every
 * machine whatever its locale or ICU build.
 */

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records by their `id`. */
export function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return compareText(a.id, b.id);
}

/** Map entries by their key. */
export function byKey(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return compareText(a[0], b[0]);
}
