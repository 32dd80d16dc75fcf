import { describe, expect, test } from 'vitest';
import { parseEvent } from '../../src/io/event.js';
import { BASE, csv, event, problems } from './event-fixture.js';

/** The same CSV as Excel in a Spanish locale writes it: BOM, semicolons, CRLF. */
function excel(text: string): string {
  const rows = text.trimEnd().split('\n').map((line) => {
    // Re-quote cells: a comma-separated cell may itself hold ';' (a list).
    const cells = line.split(',').map((c) => (c.includes(';') ? `"${c}"` : c));
    return cells.join(';');
  });
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

describe('parseEvent on valid input', () => {
  test('reads the base event into sorted, typed records', () => {
    const e = parseEvent(BASE);
    expect(e.rooms.map((r) => r.id)).toEqual(['c1', 'hall', 'lobby']);
    expect(e.items.map((i) => i.id)).toEqual(['l01', 'p01', 'w01']);
    expect(e.speakers.map((s) => s.id)).toEqual(['sp-1', 'sp-2', 'sp-3']);
    expect(e.calendar.map((w) => [w.date, w.start, w.kind, w.line])).toEqual([
      ['2025-06-02', 540, 'program', 2],
      ['2025-06-02', 750, 'break', 3],
      ['2025-06-02', 840, 'program', 4],
      ['2025-06-03', 540, 'program', 5],
    ]);
    expect(e.rooms[1]).toEqual({ id: 'hall', name: 'Main hall', kind: 'main_hall', capacity: 300, interpretation: true, features: [], line: 2 });
    expect(e.items[2]).toEqual({
      id: 'w01',
      title: 'Data for reporters',
      format: 'workshop',
      duration: 120,
      speakers: ['sp-2'],
      themes: ['data', 'journalism'],
      language: 'en',
      level: 'intro',
      audience: 30,
      country: 'NG',
      source: 'registration',
      score: null,
      rooms: [],
      pin: {},
      exclusive: false,
      setup: 0,
      teardown: 0,
      after: [],
      needs: [],
      line: 4,
    });
    expect(e.speakers[0]?.languages).toEqual(['es', 'en']);
    expect(e.availability).toEqual([{ who: 'sp-1', date: '2025-06-03', start: 540, end: 720, status: 'unavailable', line: 2 }]);
  });

  test('the same event exported by Excel (BOM, semicolons, CRLF) reads the same', () => {
    const files = Object.fromEntries(Object.entries(BASE).map(([name, text]) => [name, excel(text)]));
    expect(parseEvent(files)).toEqual(parseEvent(BASE));
  });

  test('mixed-case headers, extra columns, other column order, padded cells, Spanish booleans, decimal comma', () => {
    const e = parseEvent(
      event({
        'rooms.csv': csv(
          'Notes , CAPACITY,Interpretation,Kind,Name,ID',
          'big one, 300 , Sí ,Main hall, Main hall ,hall',
          ',80,NO,lobby,Lobby,lobby',
          ',40,n,Classroom,Classroom 1,c1',
        ),
        'themes.csv': csv(
          'id;title;format;duration;speakers;themes;language;level;audience;country;source;score;comment',
          'p01;Opening plenary;Plenary;60;sp-1|sp-2;open government;es;;250;;Committee;"9,5";x',
          'l01;Budgets in 5 minutes;lightning;30;sp-3;;es;;50;CL;call;;',
          'w01;Data for reporters;WORKSHOP;120;" sp-2 ";"data ; journalism";en;Intro;30;NG;;7;',
        ),
      }),
    );
    expect(e.rooms.map((r) => [r.id, r.name, r.kind, r.capacity, r.interpretation])).toEqual([
      ['c1', 'Classroom 1', 'classroom', 40, false],
      ['hall', 'Main hall', 'main_hall', 300, true],
      ['lobby', 'Lobby', 'lobby', 80, false],
    ]);
    expect(e.items.map((i) => [i.id, i.format, i.speakers, i.themes, i.level, i.source, i.score])).toEqual([
      ['l01', 'lightning', ['sp-3'], [], null, 'call', null],
      ['p01', 'plenary', ['sp-1', 'sp-2'], ['open government'], null, 'committee', 9.5],
      ['w01', 'workshop', ['sp-2'], ['data', 'journalism'], 'intro', null, 7],
    ]);
  });

  test('pins, rooms lists and 9:00-style times', () => {
    const e = parseEvent(
      event({
        'themes.csv': csv(
          'id,title,format,duration,speakers,themes,language,level,audience,country,source,score,rooms,pin_date,pin_start,pin_room',
          'p01,Opening plenary,plenary,60,sp-1;sp-2,,es,,250,,,,hall,2025-06-02,9:00,hall',
          'l01,Budgets,lightning,30,sp-3,,es,,50,,,,lobby,,14:00,',
          'w01,Data,workshop,120,sp-2,,en,advanced,30,,,,c1,2025-06-03,,',
        ),
      }),
    );
    expect(e.items.map((i) => [i.id, i.rooms, i.pin])).toEqual([
      ['l01', ['lobby'], { start: 840 }],
      ['p01', ['hall'], { date: '2025-06-02', start: 540, room: 'hall' }],
      ['w01', ['c1'], { date: '2025-06-03' }],
    ]);
  });

  test('quoted multi-line cells: later rows keep their physical line numbers', () => {
    const e = parseEvent(
      event({
        'themes.csv': csv(
          'id,title,format,duration,speakers,themes,language,level,audience,country,source,score',
          'p01,"Opening plenary:',
          'welcome, and why we are here",plenary,60,sp-1;sp-2,,es,,250,,,',
          '',
          'l01,Budgets,lightning,30,sp-3,,es,,50,,,',
          'w01,Data,workshop,120,sp-2,,en,intro,30,,,',
        ),
      }),
    );
    expect(e.items.map((i) => [i.id, i.line])).toEqual([
      ['l01', 5],
      ['p01', 2],
      ['w01', 6],
    ]);
    expect(e.items[1]?.title).toBe('Opening plenary:\nwelcome, and why we are here');
  });

  test('availability.csv may be missing, or hold only its header', () => {
    expect(parseEvent(event({ 'availability.csv': undefined })).availability).toEqual([]);
    const { 'availability.csv': _, ...without } = BASE;
    expect(parseEvent(without).availability).toEqual([]);
    expect(parseEvent(event({ 'availability.csv': 'who,date,start,end,status\n' })).availability).toEqual([]);
  });

  test('availability is sorted by who, date and start', () => {
    const e = parseEvent(
      event({
        'availability.csv': csv(
          'who,date,start,end,status',
          'sp-2,2025-06-03,09:00,10:00,unavailable',
          'hall,2025-06-02,14:00,15:00,unavailable',
          'sp-2,2025-06-02,10:00,11:00,available',
          'sp-2,2025-06-02,09:00,10:00,unavailable',
          'w01,2025-06-02,09:00,12:00,unavailable',
        ),
      }),
    );
    expect(e.availability.map((a) => `${a.who} ${a.date} ${a.start}`)).toEqual([
      'hall 2025-06-02 840',
      'sp-2 2025-06-02 540',
      'sp-2 2025-06-02 600',
      'sp-2 2025-06-03 540',
      'w01 2025-06-02 540',
    ]);
  });

  test('the result does not depend on the order of the files object', () => {
    const reversed = Object.fromEntries(Object.entries(BASE).reverse());
    expect(parseEvent(reversed)).toEqual(parseEvent(BASE));
    expect(problems(BASE)).toEqual([]);
  });
});
