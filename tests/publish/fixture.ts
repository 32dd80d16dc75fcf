import path from 'node:path';
import type { Event, Schedule } from '../../src/domain/types.js';
import { readEvent } from '../../src/io/event.js';
import { readSchedule } from '../../src/io/schedule.js';
import type { PublishOptions } from '../../src/render/publish/index.js';

export const OGP_DIR = path.resolve('fixtures/ogp-americas');
export const OGP_SCHEDULE = path.join(OGP_DIR, 'expected/schedule.csv');

export async function ogp(): Promise<{ event: Event; schedule: Schedule }> {
  const event = await readEvent(OGP_DIR);
  return { event, schedule: await readSchedule(OGP_SCHEDULE, event) };
}

export const OPTIONS: PublishOptions = {
  title: 'OGP Américas 2014',
  acronym: 'ogp-americas-2014',
  zone: 'America/Costa_Rica',
  lang: 'es',
  stamp: Date.UTC(2014, 10, 1, 12, 0),
  baseUrl: null,
};

/** Costa Rica keeps UTC-6 all year (no daylight saving since 1992): the expected instant, computed without Intl. */
export function costaRicaInstant(date: string, minutes: number): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d, 6, minutes);
}
