/** speakers.csv: the people who speak in items. */
import { z } from 'zod';
import { SECTORS, type Speaker } from '../../domain/types.js';
import { idCell, listCell, nameCell, nameOr, optionalChoiceCell, textCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from './sheet.js';
import { byId } from '../../domain/compare.js';

export const SPEAKERS_FILE = 'speakers.csv';

const shape = z.object({
  id: idCell,
  name: nameCell,
  organization: textCell,
  sector: optionalChoiceCell(SECTORS),
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
      build: (v, row): Speaker => ({ id: v.id, name: nameOr(v.name, v.id), organization: v.organization, sector: v.sector, country: v.country, languages: v.languages, line: row.line }),
      order: byId,
    },
    text,
  );
}
