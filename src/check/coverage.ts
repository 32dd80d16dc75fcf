/**
 * Lightning coverage: the lobby's lightning talks are to come from every
 * member country of the region (members.csv), by its government, its civil
 * society and its Independent Reporting Mechanism. For each member, the
 * talks of each of the three (by the sector of a talk's first speaker) and
 * which are missing; the regional initiatives as a group; talks of
 * countries that are not members. A report and a warning, never an error.
 */
import { countryKey, isRegionalCountry } from '../domain/countries.js';
import { byId, compareText } from '../domain/compare.js';
import { COVERAGE_SECTORS, type Coverage, type CoverageSector, type MemberCoverage } from '../domain/report.js';
import type { Event, Item, Sector } from '../domain/types.js';

/** Null when the event has no members.csv. */
export function lightningCoverage(event: Event): Coverage | null {
  if (event.members.length === 0) return null;
  const sectorOf = new Map(event.speakers.map((s) => [s.id, s.sector] as const));
  const talks = event.items.filter((i) => i.format === 'lightning').sort(byId);
  const byCountry = new Map<string, Item[]>();
  for (const t of talks) {
    if (isRegionalCountry(t.country)) continue;
    const key = countryKey(t.country);
    byCountry.set(key, [...(byCountry.get(key) ?? []), t]);
  }
  const members = event.members.map((m): MemberCoverage => {
    const own = byCountry.get(countryKey(m.country)) ?? [];
    const sector = (t: Item) => sectorOf.get(t.speakers[0] ?? '') ?? null;
    const of = (s: CoverageSector) => own.filter((t) => sector(t) === s).map((t) => t.id);
    return {
      country: m.country,
      name: m.name,
      talks: { government: of('government'), civil_society: of('civil_society'), irm: of('irm') },
      other: own.filter((t) => !(COVERAGE_SECTORS as readonly (Sector | null)[]).includes(sector(t))).map((t) => t.id),
    };
  });
  const memberKeys = new Set(event.members.map((m) => countryKey(m.country)));
  const others = [...byCountry.entries()]
    .filter(([key]) => !memberKeys.has(key))
    .map(([, list]) => ({ country: list[0]!.country.trim(), talks: list.map((t) => t.id) }))
    .sort((a, b) => compareText(a.country, b.country));
  return { members, regional: talks.filter((t) => isRegionalCountry(t.country)).map((t) => t.id), others };
}

const VOICE: Readonly<Record<CoverageSector, string>> = { government: 'government', civil_society: 'civil society', irm: 'the IRM' };

/** One warning per member country with a voice missing, in members.csv's order. */
export function coverageWarnings(coverage: Coverage): readonly string[] {
  return coverage.members.flatMap((m) => {
    const missing = COVERAGE_SECTORS.filter((s) => m.talks[s].length === 0).map((s) => VOICE[s]);
    if (missing.length === 0) return [];
    return [`${m.name} has no lightning talk by ${missing.length === 3 ? 'anyone' : missing.join(' or ')} (members.csv)`];
  });
}
