/** themes.csv: the submitted program items (plenaries, lightning talks, workshops). */
import { z } from 'zod';
import { FORMATS, LEVELS, SOURCES, type Item, type Pin } from '../../domain/types.js';
import {
  choiceCell,
  durationCell,
  featureListCell,
  idCell,
  LIMITS,
  minutesCell,
  listCell,
  nameCell,
  nameOr,
  optionalChoiceCell,
  optionalDateCell,
  optionalGridTimeCell,
  optionalBoolCell,
  optionalNumberCell,
  optionalWholeCell,
  textCell,
} from '../cells.js';
import { readSheet, type FileText, type Sheet } from './sheet.js';
import { byId } from '../../domain/compare.js';

export const THEMES_FILE = 'themes.csv';

const NO_PIN: Pin = Object.freeze({});

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
      },
      build: (v, row): Item => {
        const pin: Pin =
          v.pin_date === undefined && v.pin_start === undefined && v.pin_room === ''
            ? NO_PIN
            : {
                ...(v.pin_date !== undefined && { date: v.pin_date }),
                ...(v.pin_start !== undefined && { start: v.pin_start }),
                ...(v.pin_room !== '' && { room: v.pin_room }),
              };
        // Written out, not spread: one object shape for every item, fast on 200,000 rows.
        return {
          id: v.id,
          title: nameOr(v.title, v.id),
          format: v.format,
          duration: v.duration,
          speakers: v.speakers,
          themes: v.themes,
          language: v.language,
          level: v.level,
          audience: v.audience,
          country: v.country,
          source: v.source,
          score: v.score,
          rooms: v.rooms,
          pin,
          exclusive: v.exclusive ?? false,
          setup: v.setup,
          teardown: v.teardown,
          after: v.after,
          needs: v.needs,
          line: row.line,
        };
      },
      order: byId,
    },
    text,
  );
}
