/** rooms.csv: where items can take place. */
import { z } from 'zod';
import type { Room } from '../../domain/types.js';
import { boolOrNoCell, capacityCell, featureListCell, idCell, nameCell, nameOr, roomKindCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from './sheet.js';
import { byId } from '../../domain/compare.js';

export const ROOMS_FILE = 'rooms.csv';

const shape = z.object({
  id: idCell,
  name: nameCell,
  kind: roomKindCell,
  capacity: capacityCell,
  interpretation: boolOrNoCell,
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
      // Written out, not spread: spreading gave every one of 200,000 rooms an object shape of its own.
      build: (v, row): Room => ({ id: v.id, name: nameOr(v.name, v.id), kind: v.kind, capacity: v.capacity, interpretation: v.interpretation, features: v.features, line: row.line }),
      order: byId,
    },
    text,
  );
}
