/**
 * A CSV file's contents as a value. Render builds it; io turns it into text
 * (tableToCsv), so quoting and formula neutralising live in one place and
 * render stays pure. Every row has exactly `header.length` cells, all already
 * formatted as text.
 */
export type Table = {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
};
