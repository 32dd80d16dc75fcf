/**
 * allocation-report.json and .md: what was decided and how fair it was, with
 * what is needed to re-run the lottery (seed, input hash, version).
 */
import type { Allocation, SeatKind } from '../allocate.js';
import type { Envy, RankProfile } from '../audit.js';
import type { Mechanism } from '../../domain/allocation.js';
import type { Sector } from '../../domain/types.js';

export type ReportMeta = {
  readonly version: string;
  readonly seed: string;
  /** SHA-256 of the inputs as read (see docs/allocate.md). */
  readonly inputsSha256: string;
  readonly mechanism: Mechanism;
  readonly places: number;
  readonly tiers: readonly Sector[];
  /** Said in the report when workshops were not allocated. */
  readonly schedule: string | null;
};

type KindSummary = {
  readonly profile: RankProfile;
  readonly choosers: number;
  readonly firstChoiceShare: number;
  readonly top3Share: number;
  readonly groups: readonly {
    readonly group: string;
    readonly profile: RankProfile;
    /** Counted in full; the first pairs listed as examples. */
    readonly justifiedEnvy: Envy;
    readonly sessions: readonly { readonly id: string; readonly capacity: number; readonly seated: number; readonly fill: number; readonly missingRoles: readonly string[] }[];
  }[];
};

export type AllocationReport = {
  readonly convene: string;
  readonly seed: string;
  readonly inputsSha256: string;
  readonly mechanism: Mechanism;
  readonly places: number;
  readonly tiers: readonly string[];
  readonly schedule: string | null;
  readonly admission: {
    readonly registrants: number;
    readonly registered: number;
    readonly admitted: number;
    readonly waitlisted: number;
    readonly notRegistered: number;
    readonly byTier: readonly { readonly tier: number; readonly sectors: string; readonly admitted: number; readonly waitlisted: number }[];
  };
  readonly focalPoint: { readonly invited: number; readonly refused: number };
  readonly unconference: KindSummary;
  readonly workshops: KindSummary;
  readonly unassigned: number;
};

export function allocationReport(a: Allocation, meta: ReportMeta): AllocationReport {
  const registered = a.admissions.filter((x) => x.status !== 'not registered');
  const tiers = [...new Set(registered.map((x) => x.tier ?? 0))].sort((x, y) => x - y);
  const tierName = (t: number) =>
    t === 0 ? 'pre-chosen roles' : t <= meta.tiers.length ? (meta.tiers[t - 1] ?? '') : 'all other sectors';
  return {
    convene: meta.version,
    seed: meta.seed,
    inputsSha256: meta.inputsSha256,
    mechanism: meta.mechanism,
    places: meta.places,
    tiers: meta.tiers,
    schedule: meta.schedule,
    admission: {
      registrants: a.admissions.length,
      registered: registered.length,
      admitted: registered.filter((x) => x.status === 'admitted').length,
      waitlisted: registered.filter((x) => x.status === 'waitlisted').length,
      notRegistered: a.admissions.length - registered.length,
      byTier: tiers.map((tier) => ({
        tier,
        sectors: tierName(tier),
        admitted: registered.filter((x) => x.tier === tier && x.status === 'admitted').length,
        waitlisted: registered.filter((x) => x.tier === tier && x.status === 'waitlisted').length,
      })),
    },
    focalPoint: { invited: a.focalPoint.invited.length, refused: a.focalPoint.refused.length },
    unconference: summary(a, 'unconference'),
    workshops: summary(a, 'workshop'),
    unassigned: a.unplaced.length,
  };
}

function summary(a: Allocation, kind: SeatKind): KindSummary {
  const groups = a.groups.filter((g) => g.kind === kind);
  const longest = Math.max(0, ...groups.map((g) => g.profile.byRank.length));
  const byRank = Array.from({ length: longest }, (_, i) => groups.reduce((n, g) => n + (g.profile.byRank[i] ?? 0), 0));
  const unassigned = groups.reduce((n, g) => n + g.profile.unassigned, 0);
  const choosers = byRank.reduce((n, x) => n + x, 0) + unassigned;
  const share = (k: number) => (choosers === 0 ? 0 : round(byRank.slice(0, k).reduce((n, x) => n + x, 0) / choosers));
  return {
    profile: { byRank, unassigned },
    choosers,
    firstChoiceShare: share(1),
    top3Share: share(3),
    groups: groups.map((g) => ({
      group: g.group,
      profile: g.profile,
      justifiedEnvy: g.envy,
      sessions: a.seats
        .filter((s) => s.kind === kind && s.group === g.group)
        .map((s) => {
          const seated = s.attendees.length + Number(s.facilitator !== null) + Number(s.noteTaker !== null);
          return { id: s.id, capacity: s.capacity, seated, fill: round(seated / s.capacity), missingRoles: s.missingRoles };
        }),
    })),
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export function reportJson(r: AllocationReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function reportMarkdown(r: AllocationReport): string {
  const lines: string[] = [
    '# Allocation report',
    '',
    `convene ${r.convene}, seed \`${r.seed}\`, mechanism \`${r.mechanism}\`, ${r.places} places.`,
    `Inputs SHA-256: \`${r.inputsSha256}\`. Re-running with the same inputs and seed gives the same answer.`,
    '',
    '## Civil Society Day admission',
    '',
    `${r.admission.registered} of ${r.admission.registrants} registrants asked for a place: ${r.admission.admitted} admitted, ${r.admission.waitlisted} waitlisted.`,
    '',
    '| tier | sectors | admitted | waitlisted |',
    '| --- | --- | --- | --- |',
    ...r.admission.byTier.map((t) => `| ${t.tier} | ${t.sectors} | ${t.admitted} | ${t.waitlisted} |`),
    '',
    '## Focal Point meeting',
    '',
    `${r.focalPoint.invited} invited (government points of contact), ${r.focalPoint.refused} requests refused.`,
    '',
  ];
  for (const [title, k] of [
    ['Unconference', r.unconference],
    ['Workshops', r.workshops],
  ] as const) {
    lines.push(`## ${title}`, '');
    if (title === 'Workshops' && r.schedule === null) lines.push('No `--schedule` given: workshops were not allocated.', '');
    if (k.choosers === 0) {
      lines.push('Nobody ranked any.', '');
      continue;
    }
    lines.push(
      `${k.choosers} ranked lists: ${pct(k.firstChoiceShare)} got their first choice, ${pct(k.top3Share)} one of their top 3.`,
      '',
      '| choice | people |',
      '| --- | --- |',
      ...k.profile.byRank.map((n, i) => `| ${i + 1} | ${n} |`),
      `| unassigned | ${k.profile.unassigned} |`,
      '',
    );
    for (const g of k.groups) {
      const envy = g.justifiedEnvy.count;
      lines.push(`### ${title === 'Unconference' ? `Block ${g.group}` : g.group}`, '', `Justified-envy pairs: ${envy}.`, '');
      lines.push('| session | seated | capacity | fill | missing roles |', '| --- | --- | --- | --- | --- |');
      for (const s of g.sessions) lines.push(`| ${s.id} | ${s.seated} | ${s.capacity} | ${pct(s.fill)} | ${s.missingRoles.join(', ')} |`);
      lines.push('');
    }
  }
  lines.push(`${r.unassigned} unassigned entries, each with its reason, are in itineraries.csv.`, '');
  return lines.join('\n');
}
