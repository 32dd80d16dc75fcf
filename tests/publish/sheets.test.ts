import { describe, expect, test } from 'vitest';
import { publishFiles } from '../../src/render/publish/index.js';
import { event, schedule } from '../render/fixture.js';
import { OPTIONS } from './fixture.js';

const files = publishFiles(event, schedule, { ...OPTIONS, lang: 'en' });

describe('speaker sheets', () => {
  test('one per speaker, with each of their items in program order', () => {
    expect(Object.keys(files).filter((n) => n.startsWith('speakers/')).sort()).toEqual(
      ['sp1', 'sp2', 'sp3', 'sp4', 'sp5'].map((id) => `speakers/${id}.md`),
    );
    const ana = files['speakers/sp1.md'] ?? '';
    expect(ana).toContain('# Ana Ruiz');
    const rows = ana.split('\n').filter((l) => l.startsWith('| 2014'));
    expect(rows).toEqual([
      '| 2014-11-19 | 09:05–09:10 | Lobby | **l02** Parliament APIs (Lightning talk) | Ana Ruiz |',
      '| 2014-11-19 | 11:00–12:00 | Auditorio Principal | **p03** Open budgets (Plenary) | Carla Pérez, Ana Ruiz |',
    ]);
  });

  test('a speaker with nothing placed gets a sheet that says so', () => {
    expect(files['speakers/sp5.md']).toContain('Nothing scheduled.');
  });
});

describe('room door sheets', () => {
  test('a table per day, with times, titles (one line, pipes escaped) and speakers', () => {
    const mh = files['rooms/mh.md'] ?? '';
    expect(mh).toContain('# Auditorio Principal (mh)');
    expect(mh).toContain('## Wednesday, November 19, 2014');
    expect(mh).toContain('## Thursday, November 20, 2014');
    expect(mh).toContain('| 09:00–10:00 | **p01** Budgets \\| the data behind them (Plenary) | Bruno Silva | Spanish | 30 |');
  });

  test('a room used one day only has only that day', () => {
    const c1 = files['rooms/c1.md'] ?? '';
    expect(c1).toContain('## Wednesday, November 19, 2014');
    expect(c1).not.toContain('2014-11-20');
    expect(c1).not.toContain('November 20');
  });
});
