/** rooms.csv: where items can take place. */
import { z } from 'zod';
import type { Room } from '../../domain/types.js';
import { boolCell, featureListCell, idCell, positiveWholeCell, requiredTextCell, roomKindCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from './sheet.js';
import { byId } from '../../domain/compare.js';

export const ROOMS_FILE = 'rooms.csv';

const shape = z.object({
  id: idCell,
  name: requiredTextCell,
  kind: roomKindCell,
  capacity: positiveWholeCell,
  interpretation: boolCell,
  features: featureListCell,
});

export function readRooms(text: FileText): Sheet<Room> {
  return readSheet(
    {
      file: ROOMS_FILE,
      columns: ['id', 'name', 'kind', 'capacity', 'interpretation'],
      optionalColumns: ['features'],
      idColumn: 'id',
      required: true,
      schema: shape,
      build: (v, row): Room => ({ ...v, line: row.line }),
      order: byId,
    },
    text,
  );
}
