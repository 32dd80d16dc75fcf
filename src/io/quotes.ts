/**
 * Finds where a CSV file's quoting goes wrong, so the message can point at the
 * cell where an unclosed quote opens rather than at the end of the file, which
 * is where csv-parse notices it. Follows the same rules as our csv-parse
 * options (trim, relax_quotes): a quote opens a quoted cell only as the first
 * non-blank character of the cell; elsewhere it is an ordinary character.
 */

export type QuoteProblem = {
  readonly kind: 'unclosed' | 'after-closing-quote';
  /** 1-based physical line. */
  readonly line: number;
  /** 1-based position of the cell in its row. */
  readonly column: number;
};

/** `text` has LF line endings only. Returns null when the quoting is sound. */
export function locateQuoteProblem(text: string, delimiter: string): QuoteProblem | null {
  let line = 1;
  let column = 1;
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
  let opened = { line: 1, column: 1 };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (state === 'quoted') {
      if (c === '"') {
        if (text[i + 1] === '"') i += 1;
        else state = 'closed';
      } else if (c === '\n') line += 1;
      continue;
    }
    if (c === '\n') {
      line += 1;
      column = 1;
      state = 'start';
    } else if (c === delimiter) {
      column += 1;
      state = 'start';
    } else if (state === 'start') {
      if (c === '"') {
        state = 'quoted';
        opened = { line, column };
      } else if (c !== ' ' && c !== '\t') state = 'plain';
    } else if (state === 'closed' && c !== ' ' && c !== '\t') {
      return { kind: 'after-closing-quote', line, column };
    }
  }
  return state === 'quoted' ? { kind: 'unclosed', ...opened } : null;
}
