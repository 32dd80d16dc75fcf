/** themes.csv: the submitted program items (plenaries, lightning talks, workshops). */
import { z } from 'zod';
import { FORMATS, LEVELS, SOURCES, type Item, type Pin } from '../../domain/types.js';
import {
  choiceCell,
  durationCell,
  featureListCell,
  idCell,
  minutesCell,
  listCell,
  listWords,
  nonEmptyListCell,
  optionalChoiceCell,
  optionalDateCell,
  optionalGridTimeCell,
  optionalBoolCell,
  optionalNumberCell,
  requiredTextCell,
  textCell,
  wholeCell,
} from '../cells.js';
import { readSheet, type FileText, type Sheet } from './sheet.js';
import { byId } from '../../domain/compare.js';

export const THEMES_FILE = 'themes.csv';

/** A workshop shorter than this cannot do hands-on work. */
export const MIN_WORKSHOP_MINUTES = 120;

const shape = z.object({
  id: idCell,
  title: requiredTextCell,
  format: choiceCell(FORMATS),
  duration: durationCell,
  speakers: nonEmptyListCell,
  themes: listCell,
  language: requiredTextCell,
  level: optionalChoiceCell(LEVELS),
  audience: wholeCell,
  country: textCell,
  source: optionalChoiceCell(SOURCES),
  score: optionalNumberCell,
  rooms: listCell,
  pin_date: optionalDateCell,
  pin_start: optionalGridTimeCell,
  pin_room: textCell,
  exclusive: optionalBoolCell,
  setup: minutesCell,
  teardown: minutesCell,
  after: listCell,
  needs: featureListCell,
});

export function readThemes(text: FileText): Sheet<Item> {
  return readSheet(
    {
      file: THEMES_FILE,
      columns: ['id', 'title', 'format', 'duration', 'speakers', 'themes', 'language', 'level', 'audience', 'country', 'source', 'score'],
      optionalColumns: ['rooms', 'pin_date', 'pin_start', 'pin_room', 'exclusive', 'setup', 'teardown', 'after', 'needs'],
      idColumn: 'id',
      required: true,
      schema: shape,
      check: (v, report) => {
        if (v.format !== 'workshop') return;
        if (v.duration !== undefined && v.duration < MIN_WORKSHOP_MINUTES) {
          report('duration', `a workshop needs at least ${MIN_WORKSHOP_MINUTES} minutes, got ${v.duration}`);
        }
        if (v.level === null) report('level', `a workshop needs a level (${listWords(LEVELS)}), got an empty cell`);
      },
      build: ({ pin_date, pin_start, pin_room, ...v }, row): Item => {
        const pin: Pin = {
          ...(pin_date !== undefined && { date: pin_date }),
          ...(pin_start !== undefined && { start: pin_start }),
          ...(pin_room !== '' && { room: pin_room }),
        };
        return { ...v, pin, exclusive: v.exclusive ?? false, line: row.line };
      },
      order: byId,
    },
    text,
  );
}
