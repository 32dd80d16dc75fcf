#!/usr/bin/env node
// Writes fixtures/ogp-americas-committee/favourites.csv: the items each Regional Meeting registrant (of
// fixtures/ogp-americas/registrations.csv) starred on
// the registration form. Seeded (mulberry32 from a fixed seed), so the file is the same on every run:
// 3 to 9 stars each, drawn by an item's appeal (its score, its expected audience, and more for items in
// a language the person's country speaks), without repeats.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const source = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ogp-americas');
const dir = path.join(path.dirname(source), 'ogp-americas-committee');
const rows = (file) => parse(readFileSync(path.join(source, file), 'utf8'), { columns: true, skip_empty_lines: true });

let a = 2014;
const random = () => {
  a = (a + 0x6d2b79f5) >>> 0;
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const SPEAKS = { Brasil: 'pt', Canadá: 'en', 'Estados Unidos': 'en', 'Trinidad y Tobago': 'en' };
const items = rows('themes.csv');
const people = rows('registrations.csv')
  .filter((r) => r.events.split(/[;|]/).includes('regional_meeting'))
  .sort((x, y) => (x.id < y.id ? -1 : 1));
const out = ['registrant,item'];
for (const p of people) {
  const language = SPEAKS[p.country] ?? 'es';
  const appeal = items.map((i) => (Number(i.score || 5) ** 2 * Math.sqrt(Number(i.audience || 20))) * (i.language === language ? 3 : 1));
  const k = 3 + Math.floor(random() * 7);
  const chosen = new Set();
  while (chosen.size < k) {
    let x = random() * appeal.reduce((s, w, j) => s + (chosen.has(j) ? 0 : w), 0);
    const j = appeal.findIndex((w, j2) => !chosen.has(j2) && (x -= w) <= 0);
    chosen.add(j < 0 ? appeal.findIndex((_, j2) => !chosen.has(j2)) : j);
  }
  for (const j of [...chosen].sort((x, y) => (items[x].id < items[y].id ? -1 : 1))) out.push(`${p.id},${items[j].id}`);
}
writeFileSync(path.join(dir, 'favourites.csv'), `${out.join('\n')}\n`);
console.log(`wrote ${out.length - 1} stars of ${people.length} registrants to ${path.join(dir, 'favourites.csv')}`);
