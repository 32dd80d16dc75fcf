/** speakers.csv: the people who speak in items. */
import { z } from 'zod';
import { SECTORS, type Speaker } from '../../domain/types.js';
import { choiceCell, idCell, listCell, requiredTextCell, textCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from './sheet.js';
import { byId } from '../../domain/compare.js';

export const SPEAKERS_FILE = 'speakers.csv';

const shape = z.object({
  id: idCell,
  name: requiredTextCell,
  organization: textCell,
  sector: choiceCell(SECTORS),
  country: textCell,
  languages: listCell,
});

export function readSpeakers(text: FileText): Sheet<Speaker> {
  return readSheet(
    {
      file: SPEAKERS_FILE,
      columns: ['id', 'name', 'organization', 'sector', 'country', 'languages'],
      idColumn: 'id',
      required: true,
      schema: shape,
      build: (v, row): Speaker => ({ ...v, line: row.line }),
      order: byId,
    },
    text,
  );
}
