/** themes.csv: the submitted program items (plenaries, lightning talks, workshops). */
import { z } from 'zod';
import { FORMATS, LEVELS, SOURCES, type Item, type Pin } from '../../domain/types.js';
import {
  choiceCell,
  durationCell,
  idCell,
  LIMITS,
  listCell,
  nameCell,
  nameOr,
  optionalChoiceCell,
  optionalDateCell,
  optionalGridTimeCell,
  optionalNumberCell,
  optionalWholeCell,
  textCell,
} from '../cells.js';
import { byId, readSheet, type FileText, type Sheet } from './sheet.js';

export const THEMES_FILE = 'themes.csv';

/** A workshop shorter than this cannot do hands-on work. */
export const MIN_WORKSHOP_MINUTES = 120;

const shape = z.object({
  id: idCell,
  title: nameCell,
  format: choiceCell(FORMATS),
  duration: durationCell,
  speakers: listCell,
  themes: listCell,
  language: textCell,
  level: optionalChoiceCell(LEVELS),
  audience: optionalWholeCell(0, LIMITS.capacity),
  country: textCell,
  source: optionalChoiceCell(SOURCES),
  score: optionalNumberCell,
  rooms: listCell,
  pin_date: optionalDateCell,
  pin_start: optionalGridTimeCell,
  pin_room: textCell,
});

export function readThemes(text: FileText): Sheet<Item> {
  return readSheet(
    {
      file: THEMES_FILE,
      columns: ['id', 'title', 'format', 'duration', 'speakers', 'themes', 'language', 'level', 'audience', 'country', 'source', 'score'],
      optionalColumns: ['rooms', 'pin_date', 'pin_start', 'pin_room'],
      idColumn: 'id',
      required: true,
      schema: shape,
      check: (v, report) => {
        if (v.format !== 'workshop') return;
        if (v.duration !== undefined && v.duration < MIN_WORKSHOP_MINUTES) {
          report('duration', `a workshop needs at least ${MIN_WORKSHOP_MINUTES} minutes, got ${v.duration}`);
        }
      },
      build: ({ pin_date, pin_start, pin_room, ...v }, row): Item => {
        const pin: Pin = {
          ...(pin_date !== undefined && { date: pin_date }),
          ...(pin_start !== undefined && { start: pin_start }),
          ...(pin_room !== '' && { room: pin_room }),
        };
        return { ...v, title: nameOr(v.title, v.id), pin, line: row.line };
      },
      order: byId,
    },
    text,
  );
}
