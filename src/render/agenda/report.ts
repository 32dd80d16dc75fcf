/**
 * agenda-report.json and .md: the figures (interest met, the proven bound and
 * the gap, where the rest of the interest went, the greedy agenda for
 * comparison), the left-out proposals with their reasons and who wanted
 * them, suggested merges, co-interest clashes, missing note-takers, moves on
 * a re-run, the steps that ran, and what is needed to reproduce the run.
 */
import type { AgendaInput } from '../../domain/agenda.js';
import type { AgendaRun } from '../../agenda/agenda.js';
import type { LeftOut } from '../../agenda/analyse.js';
import type { Move } from '../../agenda/moves.js';
import type { StepReport } from '../../agenda/plan.js';
import { formatNumber, inlineText, tableRow } from '../text.js';

export type AgendaReportMeta = {
  readonly version: string;
  readonly seed: string;
  readonly inputsSha256: string;
  readonly timeLimit: number;
  readonly prove: number;
  /** The --baseline file's name, and the blocks --done froze. */
  readonly baseline: string | null;
  readonly done: readonly string[];
};

export type AgendaReport = {
  readonly convene: string;
  readonly seed: string;
  readonly inputsSha256: string;
  readonly timeLimit: number;
  readonly prove: number;
  readonly baseline: string | null;
  readonly done: readonly string[];
  readonly counts: {
    readonly proposals: number;
    readonly placed: number;
    readonly leftOut: number;
    readonly blocks: number;
    readonly spaces: number;
    readonly slots: number;
    readonly people: number;
    readonly groups: number;
  };
  readonly interest: {
    readonly total: number;
    readonly met: number;
    /** Proven upper bound on `met` (null when none was proven). */
    readonly bound: number | null;
    readonly boundMethod: string;
    /** (bound - met) / bound; 0 when proven optimal. */
    readonly gap: number | null;
    readonly proven: boolean;
    readonly leftOut: number;
    readonly capacity: number;
    readonly clash: number;
    readonly running: number;
    readonly greedy: number;
    /** (met - greedy) / greedy. */
    readonly aboveGreedy: number | null;
  };
  readonly sessions: readonly {
    readonly id: string;
    readonly title: string;
    readonly language: string;
    readonly block: string;
    readonly space: string;
    readonly capacity: number;
    readonly facilitator: string;
    readonly noteTaker: string | null;
    readonly wanted: number;
    readonly demand: number;
    readonly seated: number;
    readonly met: number;
    readonly turnedAway: number;
    readonly elsewhere: number;
    readonly running: number;
  }[];
  readonly leftOut: readonly { readonly id: string; readonly title: string; readonly language: string; readonly demand: number; readonly wantedBy: readonly string[]; readonly reason: string }[];
  readonly merges: readonly { readonly proposal: string; readonly into: string; readonly shared: number; readonly of: number; readonly why: string }[];
  readonly clashes: { readonly pairs: number; readonly people: number; readonly top: readonly { readonly block: string; readonly a: string; readonly b: string; readonly people: number }[] };
  readonly unfilledNoteTakers: readonly string[];
  readonly moves: readonly Move[] | null;
  readonly steps: readonly Omit<StepReport, 'seconds'>[];
  readonly stoppedByClock: boolean;
};

export const CLASH_EXAMPLES = 20;

export function leftOutReason(l: LeftOut): string {
  if (l.best === null) return l.blockedBy.length > 0 ? `no slot keeps every rule: ${l.blockedBy.join('; ')}` : 'no slot keeps every rule';
  const where = `block ${l.best.block} in ${l.best.space}`;
  const instead = l.best.displaced === null ? `the free ${where}` : `${where} in place of ${l.best.displaced}`;
  if (l.best.change < 0) return `its best place, ${instead}, would meet ${formatNumber(-l.best.change)} less interest in total`;
  if (l.best.change === 0) return `its best place, ${instead}, would meet no more interest in total (those who want it are seated in sessions they also marked)`;
  return `${instead} would meet ${formatNumber(l.best.change)} more interest (the search stopped before it found that)`;
}

export function agendaReport(input: AgendaInput, run: AgendaRun, meta: AgendaReportMeta): AgendaReport {
  const { plan, analysis: a, instance } = run;
  const proposals = new Map(input.proposals.map((p) => [p.id, p]));
  const spaces = new Map(input.spaces.map((s) => [s.id, s]));
  const roles = new Map(run.agenda.roles.map((r) => [r.proposal, r]));
  const figures = new Map(a.sessions.map((s) => [s.proposal, s]));
  const slots = instance.classes.reduce((n, cls) => n + cls.reduce((m, c) => m + c.spaces.length, 0), 0);
  const proven = plan.bound !== null && plan.bound <= a.met;
  return {
    convene: meta.version,
    seed: meta.seed,
    inputsSha256: meta.inputsSha256,
    timeLimit: meta.timeLimit,
    prove: meta.prove,
    baseline: meta.baseline,
    done: meta.done,
    counts: {
      proposals: input.proposals.length,
      placed: run.agenda.slots.length,
      leftOut: input.proposals.length - run.agenda.slots.length,
      blocks: input.blocks.length,
      spaces: input.spaces.length,
      slots,
      people: new Set(input.interest.map((m) => m.registrant)).size,
      groups: instance.groups.length,
    },
    interest: {
      total: a.total,
      met: a.met,
      bound: plan.bound,
      boundMethod: plan.boundMethod,
      gap: plan.bound === null || plan.bound <= 0 ? null : Math.max(0, round4((plan.bound - a.met) / plan.bound)),
      proven,
      leftOut: a.leftOut,
      capacity: a.capacity,
      clash: a.clash,
      running: a.running,
      greedy: run.greedy.met,
      aboveGreedy: run.greedy.met > 0 ? round4((a.met - run.greedy.met) / run.greedy.met) : null,
    },
    sessions: run.agenda.slots.map((slot) => {
      const p = proposals.get(slot.proposal)!;
      const f = figures.get(slot.proposal)!;
      return {
        id: p.id,
        title: p.title,
        language: p.language,
        block: slot.block,
        space: slot.space,
        capacity: spaces.get(slot.space)!.capacity,
        facilitator: roles.get(p.id)?.facilitator ?? p.facilitator,
        noteTaker: roles.get(p.id)?.noteTaker ?? null,
        wanted: f.wanted,
        demand: f.demand,
        seated: f.seated,
        met: f.met,
        turnedAway: f.turnedAway,
        elsewhere: f.elsewhere,
        running: f.running,
      };
    }),
    leftOut: a.left.map((l) => {
      const p = proposals.get(l.proposal)!;
      return { id: p.id, title: p.title, language: p.language, demand: l.demand, wantedBy: l.wantedBy.map((x) => x.registrant), reason: leftOutReason(l) };
    }),
    merges: a.merges,
    clashes: { pairs: a.clashes.length, people: a.clashes.reduce((n, c) => n + c.people, 0), top: a.clashes.slice(0, CLASH_EXAMPLES) },
    unfilledNoteTakers: run.unfilled,
    moves: run.moves,
    steps: plan.steps.map(({ seconds: _seconds, ...rest }) => rest),
    stoppedByClock: plan.stoppedByClock,
  };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

export function reportMarkdown(r: AgendaReport, titles: ReadonlyMap<string, string>): string {
  const t = (id: string) => `${id} "${inlineText(titles.get(id) ?? '')}"`;
  const i = r.interest;
  const lines = [
    '# Civil Society Day agenda: report',
    '',
    `${r.counts.placed} of ${r.counts.proposals} proposals placed in ${r.counts.slots} slots (${r.counts.blocks} blocks, ${r.counts.spaces} spaces); interest of ${r.counts.people} people.`,
    '',
    '## Interest',
    '',
    tableRow(['', 'dots']),
    tableRow(['---', '---:']),
    tableRow(['marked in interest.csv', formatNumber(i.total)]),
    tableRow(['**met** (people seated in sessions they marked)', `**${formatNumber(i.met)}** (${pct(i.total > 0 ? i.met / i.total : null)})`]),
    tableRow(['proposals left out', formatNumber(i.leftOut)]),
    tableRow(['lost to capacity (their best session in a block was full)', formatNumber(i.capacity)]),
    tableRow(['lost to co-interest clashes (several sessions they marked in one block: one person, one session)', formatNumber(i.clash)]),
    tableRow(['lost to running a session in that block', formatNumber(i.running)]),
    '',
    i.bound === null
      ? 'No upper bound was proven.'
      : i.proven
        ? `**Proven optimal**: no agenda can meet more than ${formatNumber(i.bound)} (bound: ${i.boundMethod}).`
        : `No agenda can meet more than **${formatNumber(i.bound)}** (bound: ${i.boundMethod}): the gap is at most **${pct(i.gap)}**.`,
    '',
    `The greedy agenda of open-space tools (most wanted first, each into the block where it clashes least) meets ${formatNumber(i.greedy)}; this agenda meets ${pct(i.aboveGreedy)} more.`,
    '',
  ];
  lines.push(
    '## Sessions',
    '',
    'People: who marked it, who is seated in it by the best seating, who found it full, who sits in another session of the block they wanted as much, who runs another session then.',
    '',
    tableRow(['block', 'space', 'session', 'wanted by', 'seated', 'found it full', 'at another', 'running another', 'note-taker']),
    tableRow(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---']),
  );
  for (const s of r.sessions) {
    lines.push(tableRow([s.block, `${s.space} (${s.capacity})`, t(s.id), String(s.wanted), String(s.seated), String(s.turnedAway), String(s.elsewhere), String(s.running), s.noteTaker ?? '**none**']));
  }
  lines.push('', '## Left out', '');
  if (r.leftOut.length === 0) lines.push('Every proposal is in the grid.');
  for (const l of r.leftOut) lines.push(`- ${t(l.id)} (${formatNumber(l.demand)} dots): ${inlineText(l.reason)}. Wanted by ${l.wantedBy.length === 0 ? 'nobody' : l.wantedBy.join(', ')}.`);
  lines.push('', '## Suggested merges', '');
  if (r.merges.length === 0) lines.push('None: no two proposals share most of their people.');
  for (const m of r.merges) {
    const why = m.why === 'left-out' ? `${m.proposal} is left out` : 'they run in the same block';
    lines.push(`- ${t(m.proposal)} into ${t(m.into)}: ${m.shared} of the ${m.of} people who want ${m.proposal} also want ${m.into}, and ${why}.`);
  }
  lines.push('', '## Co-interest clashes', '', `${r.clashes.pairs} pairs of sessions in one block share people (${r.clashes.people} people split in all); the largest:`, '');
  lines.push(tableRow(['block', 'sessions', 'people who want both']), tableRow(['---', '---', '---:']));
  for (const c of r.clashes.top) lines.push(tableRow([c.block, `${t(c.a)} and ${t(c.b)}`, String(c.people)]));
  lines.push('', '## Note-takers', '', r.unfilledNoteTakers.length === 0 ? 'Every session has a note-taker.' : `No volunteer left for: ${r.unfilledNoteTakers.join(', ')}.`);
  if (r.moves !== null) {
    lines.push('', '## Changes from the baseline', '', `Blocks already held (frozen): ${r.done.length === 0 ? 'none' : r.done.join(', ')}.`, '');
    if (r.moves.length === 0) lines.push('Nothing moved.');
    for (const m of r.moves) {
      const place = (p: { block: string; space: string } | null) => (p === null ? '-' : `${p.block} ${p.space}`);
      lines.push(`- ${m.proposal} ${m.kind}: ${place(m.from)} -> ${place(m.to)}: ${inlineText(m.why)}`);
    }
  }
  lines.push('', '## How it was found', '');
  for (const s of r.steps) lines.push(`- ${s.step}: ${s.ran ? '' : '(skipped) '}${inlineText(s.note)}`);
  if (r.stoppedByClock) lines.push('', 'The time limit cut the search short: another run may give another agenda.');
  lines.push('', '## Reproduce', '', `convene ${r.convene}, seed ${JSON.stringify(r.seed)}, time limit ${r.timeLimit} s${r.prove > 0 ? `, --prove ${r.prove}` : ''}; inputs SHA-256 ${r.inputsSha256}.`);
  return `${lines.join('\n')}\n`;
}

export function reportJson(r: AgendaReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
