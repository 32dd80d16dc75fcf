/** Small text helpers for the Markdown outputs. */

/**
 * Makes user text safe inside one Markdown table cell or list line: a line
 * break would end the row (or the list item), and a bare `|` would start a new
 * cell. Line breaks in a title are spreadsheet artefacts, so a space is the
 * faithful, portable replacement (no HTML `<br>`).
 */
export function inlineText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
}

/** One Markdown table row from already-escaped cells; an empty cell is written `| |`. */
export function tableRow(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

/**
 * 12345.678 -> "12,345.68". Written by hand because `toLocaleString` depends on
 * the machine's locale data, and outputs must be byte-identical everywhere.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 100) / 100;
  const sign = rounded < 0 ? '-' : '';
  const [whole = '0', frac] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return frac ? `${sign}${grouped}.${frac}` : `${sign}${grouped}`;
}

/** ["a"] -> "a"; ["a","b","c"] -> "a, b and c". */
export function formatList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** 1, "item" -> "1 item"; 3 -> "3 items". */
export function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
}
