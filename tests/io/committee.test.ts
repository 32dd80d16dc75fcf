/**
 * The columns and files of the committee's rules and goals: exclusive,
 * setup, teardown, after and needs in themes.csv, features in rooms.csv,
 * plenary_only windows, favourites.csv and members.csv. Blank means off.
 */
import { describe, expect, test } from 'vitest';
import { parseEvent } from '../../src/io/event.js';
import { BASE, event, problems } from './event-fixture.js';

const THEMES_HEAD = 'id,title,format,duration,speakers,themes,language,level,audience,country,source,score,exclusive,setup,teardown,after,needs';

function themes(...rows: string[]): string {
  return [THEMES_HEAD, ...rows, ''].join('\n');
}

const P01 = 'p01,Opening plenary,plenary,60,sp-1;sp-2,open government,es,,250,,committee,9';
const L01 = 'l01,Budgets in 5 minutes,lightning,30,sp-3,budgets,es,,50,CL,call,7.5';
const W01 = 'w01,Data for reporters,workshop,120,sp-2,data|journalism,en,intro,30,NG,registration,';

describe('themes.csv: exclusive, setup, teardown, after, needs', () => {
  test('read when given; blank cells mean no, 0 minutes and nothing', () => {
    const e = parseEvent(
      event({
        'themes.csv': themes(`${P01},sí,,,,`, `${L01},,,,,`, `${W01},no,15,10,p01;l01,Projector; step-free`),
        'rooms.csv': 'id,name,kind,capacity,interpretation,features\nhall,Main hall,main_hall,300,yes,\nlobby,Lobby,lobby,80,no,\nc1,Classroom 1,classroom,40,no,projector;Step-free\n',
      }),
    );
    const by = new Map(e.items.map((i) => [i.id, i]));
    expect([by.get('p01')!.exclusive, by.get('l01')!.exclusive, by.get('w01')!.exclusive]).toEqual([true, false, false]);
    expect(by.get('w01')).toMatchObject({ setup: 15, teardown: 10, after: ['p01', 'l01'], needs: ['projector', 'step-free'] });
    expect(by.get('l01')).toMatchObject({ setup: 0, teardown: 0, after: [], needs: [] });
    expect(e.rooms.find((r) => r.id === 'c1')!.features).toEqual(['projector', 'step-free']);
  });

  test('a bad cell, an unknown or circular order, and needs no room meets are named by file, line and column', () => {
    expect(
      problems(
        event({
          'themes.csv': themes(`${P01},maybe,,,w01,`, `${L01},,7,2000,l01,`, `${W01},,,,p01;zz,projector`),
        }),
      ),
    ).toEqual([
      'themes.csv:2:13 exclusive: expected yes or no (also sí/no, true/false, 1/0, y/n), or an empty cell, got "maybe"',
      'themes.csv:2:16 after: the order goes round in a circle: p01 after w01 after p01',
      'themes.csv:3:14 setup: expected whole minutes from 0 to 1440 in steps of 5, or an empty cell, got "7"',
      'themes.csv:3:15 teardown: expected whole minutes from 0 to 1440 in steps of 5, or an empty cell, got "2000"',
      'themes.csv:3:16 after: an item cannot come after itself ("l01")',
      'themes.csv:4:16 after: unknown item "zz" (not in themes.csv)',
      'themes.csv:4:17 needs: needs projector, but no room this item can use has all of them (c1 has none of them)',
    ]);
  });
});

describe('calendar.csv: plenary_only', () => {
  test('is a window kind of its own', () => {
    const calendar = BASE['calendar.csv']!.replace('2025-06-03,09:00,12:00,program,Morning', '2025-06-03,09:00,12:00,plenary_only,Closing');
    const e = parseEvent(event({ 'calendar.csv': calendar }));
    expect(e.calendar.map((w) => w.kind)).toEqual(['program', 'break', 'program', 'plenary_only']);
  });
});

describe('favourites.csv and members.csv', () => {
  test('both are optional; a repeated favourite counts once; members keep the file’s order', () => {
    expect(parseEvent(BASE).favourites).toEqual([]);
    const e = parseEvent(
      event({
        'favourites.csv': 'registrant,item\nr1,w01\nr2,w01\nr1,w01\nr1,p01\n',
        'members.csv': 'country,name\nNG,Nigeria\nCL,\n',
      }),
    );
    expect(e.favourites.map((f) => `${f.registrant}>${f.item}`)).toEqual(['r1>p01', 'r1>w01', 'r2>w01']);
    expect(e.members.map((m) => [m.country, m.name])).toEqual([
      ['NG', 'Nigeria'],
      ['CL', 'CL'],
    ]);
  });

  test('an unknown item, a member listed twice and empty cells are named by file, line and column', () => {
    expect(
      problems(
        event({
          'favourites.csv': 'registrant,item\nr1,zz\n,w01\n',
          'members.csv': 'country,name\nChile,\nchile,Chile again\n,Nowhere\n',
        }),
      ),
    ).toEqual([
      'favourites.csv:2:2 item: unknown item "zz" (not in themes.csv)',
      'favourites.csv:3:1 registrant: expected an id, got an empty cell',
      'members.csv:3:1 country: "chile" is listed already (line 2)',
      'members.csv:4:1 country: expected some text, got an empty cell',
    ]);
  });
});
