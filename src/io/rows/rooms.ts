/** rooms.csv: where items can take place. */
import { z } from 'zod';
import type { Room } from '../../domain/types.js';
import { boolOrNoCell, capacityCell, idCell, nameCell, nameOr, roomKindCell } from '../cells.js';
import { byId, readSheet, type FileText, type Sheet } from './sheet.js';

export const ROOMS_FILE = 'rooms.csv';

const shape = z.object({
  id: idCell,
  name: nameCell,
  kind: roomKindCell,
  capacity: capacityCell,
  interpretation: boolOrNoCell,
});

export function readRooms(text: FileText): Sheet<Room> {
  return readSheet(
    {
      file: ROOMS_FILE,
      columns: ['id', 'name', 'kind', 'capacity', 'interpretation'],
      idColumn: 'id',
      required: true,
      schema: shape,
      build: (v, row): Room => ({ ...v, name: nameOr(v.name, v.id), line: row.line }),
      order: byId,
    },
    text,
  );
}
