import { describe, expect, test } from 'vitest';
import type { Event } from '../../src/domain/types.js';
import { escapeHtml, publishFiles } from '../../src/render/publish/index.js';
import { event, schedule } from '../render/fixture.js';
import { OPTIONS } from './fixture.js';

const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

/** The hand-made render fixture, with hostile text wherever a user can type. */
const hostile: Event = {
  ...event,
  items: event.items.map((i) => (i.id === 'p03' ? { ...i, title: HOSTILE } : i)),
  speakers: event.speakers.map((s) => (s.id === 'sp1' ? { ...s, name: `"><b>Ana</b>` } : s)),
  rooms: event.rooms.map((r) => (r.id === 'mh' ? { ...r, name: `Sala "A" <i>` } : r)),
  calendar: event.calendar.map((w) => (w.kind === 'break' ? { ...w, label: '<style>body{display:none}</style>' } : w)),
};

describe('index.html', () => {
  const html = publishFiles(hostile, schedule, { ...OPTIONS, title: '<title>T</title>' })['index.html'] ?? '';

  test('every user string is escaped: no tag, attribute or script survives', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html.match(/<style>/g)).toHaveLength(1); // only our own stylesheet
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
    expect(html).toContain('data-label="Sala &quot;A&quot; &lt;i&gt;"');
  });

  test('self-contained: no external stylesheet, script, image or font', () => {
    const plain = publishFiles(event, schedule, OPTIONS)['index.html'] ?? '';
    expect(plain).not.toMatch(/<link\b|<script\b|src=|@import|url\(/i);
  });

  test('a section per day, breaks as full-width rows, rooms in use as columns (main hall first)', () => {
    const plain = publishFiles(event, schedule, OPTIONS)['index.html'] ?? '';
    expect(plain.match(/<section class="day"/g)).toHaveLength(2);
    expect(plain).toContain('<tr class="break"><th class="time" scope="row">10:30–11:00</th><td colspan="3">Café / Coffee</td></tr>');
    const d1 = plain.slice(plain.indexOf('data-date="2014-11-19"'), plain.indexOf('data-date="2014-11-20"'));
    expect([...d1.matchAll(/<th scope="col" data-room="([^"]+)"/g)].map((m) => m[1])).toEqual(['mh', 'lb', 'c1']);
  });

  test('tracks, levels, languages and interpretation are marked', () => {
    const withLevel: Event = {
      ...event,
      items: event.items.map((i) => (i.id === 'w02' ? { ...i, level: 'advanced', language: 'pt' } : i)),
      rooms: event.rooms.map((r) => (r.id === 'mh' ? { ...r, interpretation: true } : r)),
    };
    const es = publishFiles(withLevel, schedule, OPTIONS)['index.html'] ?? '';
    expect(es).toContain('<article class="item workshop" id="item-w02"');
    expect(es).toContain('<article class="item lightning"');
    expect(es).toContain('<article class="item plenary"');
    expect(es).toContain('<span class="tag level" title="Nivel">Avanzado</span>');
    expect(es).toContain('portugués');
    expect(es).toContain('<span class="tag interp">Interpretación simultánea</span>');
    const en = publishFiles(withLevel, schedule, { ...OPTIONS, lang: 'en' })['index.html'] ?? '';
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<span class="tag level" title="Level">Advanced</span>');
    expect(en).toContain('Simultaneous interpretation');
    expect(en).toContain('Wednesday, November 19, 2014');
    expect(es).toContain('miércoles 19 de noviembre de 2014');
  });

  test('has a phone layout and an A4 print stylesheet', () => {
    expect(html).toContain('name="viewport"');
    expect(html).toContain('@media (max-width: 700px)');
    expect(html).toContain('@page { size: A4 landscape;');
  });

  test('an item outside every calendar window still appears, in a row of its own', () => {
    const odd = publishFiles(event, [...schedule, { item: 'l01', room: 'lb', date: '2014-11-20', start: 7 * 60, end: 7 * 60 + 5 }], OPTIONS);
    const d2 = (odd['index.html'] ?? '').split('data-date="2014-11-20"')[1] ?? '';
    expect(d2).toContain('<th class="time" scope="row">07:00–07:05</th>');
    expect(d2).toContain('data-item="l01"');
  });
});

describe('index.html with members.csv', () => {
  const countries = event.items.filter((i) => i.format === 'lightning').map((i) => i.country);
  const members = [...new Set(countries)].map((country, k) => ({ country, name: `Member ${k + 1} (${country})`, line: k + 2 }));
  const html = publishFiles({ ...event, members: [...members, { country: 'ZZ', name: 'Nobody’s land', line: 99 }] }, schedule, OPTIONS)['index.html'] ?? '';

  test('the lobby’s talks sit under their member country’s name', () => {
    for (const m of members) expect(html).toContain(`<p class="group">${escapeHtml(m.name)}</p>`);
  });

  test('a section lists every member country in members.csv order, with its talks linked, and the regional initiatives', () => {
    const section = html.slice(html.indexOf('<section class="countries"'));
    const names = [...section.matchAll(/<li><strong>([^<]*)<\/strong>/g)].map((m) => m[1]);
    expect(names).toEqual([...members.map((m) => escapeHtml(m.name)), 'Nobody’s land', 'Iniciativas regionales']);
    expect(section).toContain('<li><strong>Nobody’s land</strong> —</li>');
    expect(section).toMatch(/<a href="#item-[^"]+">\d\d:\d\d /);
  });

  test('nothing of it without members.csv', () => {
    const plain = publishFiles(event, schedule, OPTIONS)['index.html'] ?? '';
    expect(plain).not.toContain('class="group"');
    expect(plain).not.toContain('class="countries"');
  });
});
