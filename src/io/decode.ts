/**
 * Bytes of a file to text. Spreadsheets save CSV as UTF-8 (with or without a
 * BOM) or, as "Unicode text", UTF-16 with a BOM; anything else (an old
 * "CSV (comma delimited)" export in a Windows code page) is refused with a
 * hint rather than guessed, since a wrong guess garbles names silently.
 */
import type { InputIssue } from '../domain/issues.js';

export function decodeText(bytes: Uint8Array, file: string): string | InputIssue {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // ignoreBOM: keep a UTF-8 BOM in the text; the CSV reader removes it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return {
      file,
      line: 0,
      column: 0,
      columnName: '',
      message: 'not UTF-8 text (in a spreadsheet, save it as "CSV UTF-8")',
    };
  }
}
