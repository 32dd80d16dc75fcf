/**
 * A CSV file's contents as a value. Render builds it; io stringifies it, so
 * quoting rules live in one place (csv-stringify) and render stays pure.
 * Every row has exactly `header.length` cells, all already formatted as text.
 */
export type Table = {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
};
