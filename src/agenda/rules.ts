/**
 * The hard rules of an agenda, one builder each. Placement rules judge one
 * (proposal, block, space) on its own; conflict rules turn a list of
 * placements into packing constraints. The model builds them over every
 * candidate placement, the checker (./check.ts) over the slots of a finished
 * agenda, so the two cannot drift apart.
 */
import type { Block, Participant, Proposal, Space } from '../domain/agenda.js';
import { formatTime } from '../domain/time.js';
import { groupIndices } from '../domain/group.js';
import { compareText } from '../domain/compare.js';

/** What the rules need to know about the day, by id. */
export type AgendaContext = {
  readonly proposals: ReadonlyMap<string, Proposal>;
  readonly blocks: ReadonlyMap<string, Block>;
  readonly spaces: ReadonlyMap<string, Space>;
  readonly participants: ReadonlyMap<string, Participant>;
  /** Everyone who runs the session: proposers, facilitator and note-taker (once known). Sorted. */
  readonly runners: (proposal: string) => readonly string[];
};

/**
 * One placement as the rules see it: a proposal in a block, in one of
 * `spaces` (the model stands for several interchangeable spaces at once; a
 * finished agenda names exactly one).
 */
export type Placed = { readonly proposal: string; readonly block: string; readonly spaces: readonly string[] };

export type PlacementRule = {
  readonly name: string;
  readonly description: string;
  /** null when the rule holds, else the violation in plain words. */
  readonly check: (ctx: AgendaContext, proposal: Proposal, block: Block, space: Space) => string | null;
};

/** At most `limit` of `members` (indices into the placements) may be chosen; with `exact`, exactly `limit`. */
export type AgendaConstraint = {
  readonly rule: string;
  readonly limit: number;
  readonly exact: boolean;
  readonly members: readonly number[];
  /** The proposals the constraint is about even when none of them is placed. */
  readonly proposals: readonly string[];
  /** The violation in plain words, given the placements chosen among the members. */
  readonly describe: (chosen: readonly Placed[]) => string;
};

export type ConflictRule = {
  readonly name: string;
  readonly description: string;
  readonly build: (ctx: AgendaContext, placements: readonly Placed[]) => readonly AgendaConstraint[];
};

/**
 * Seats a session needs before anyone attends: its proposers and facilitator,
 * and one for the note-taker (chosen in proposals.csv or found later).
 */
export function roleSeats(p: Proposal): number {
  const core = new Set([...p.proposers, p.facilitator]);
  return core.size + (p.noteTaker !== null && core.has(p.noteTaker) ? 0 : 1);
}

export function proposalLabel(ctx: AgendaContext, id: string): string {
  const p = ctx.proposals.get(id);
  return p ? `${id} ${JSON.stringify(p.title)}` : id;
}

export function blockLabel(ctx: AgendaContext, id: string): string {
  const b = ctx.blocks.get(id);
  return b ? `block ${id} (${formatTime(b.start)}-${formatTime(b.end)})` : `block ${id}`;
}

export function spaceLabel(ctx: AgendaContext, id: string): string {
  const s = ctx.spaces.get(id);
  return s ? `${id} (${s.name}, ${s.capacity} seats)` : id;
}

export function personLabel(ctx: AgendaContext, id: string): string {
  const p = ctx.participants.get(id);
  return p ? `${id} (${p.name})` : id;
}

export const spaceAvailableRule: PlacementRule = {
  name: 'space-available',
  description: 'A space is used only in the blocks it is available in.',
  check: (ctx, p, b, s) =>
    s.blocks === null || s.blocks.includes(b.id) ? null : `${proposalLabel(ctx, p.id)} is in ${spaceLabel(ctx, s.id)} in ${blockLabel(ctx, b.id)}, but that space is only available in ${s.blocks.join(', ')}`,
};

export const minSizeRule: PlacementRule = {
  name: 'min-size',
  description: "A session's space holds at least its min_size, and at least its runners and note-taker.",
  check: (ctx, p, _b, s) => {
    const need = Math.max(p.minSize, roleSeats(p));
    if (s.capacity >= need) return null;
    const why = p.minSize >= need ? `its min_size is ${p.minSize}` : `it needs ${need} seats for its runners and note-taker`;
    return `${proposalLabel(ctx, p.id)} is in ${spaceLabel(ctx, s.id)}, but ${why}`;
  },
};

export const pinRule: PlacementRule = {
  name: 'pin',
  description: 'A pinned proposal runs in its pinned block and space.',
  check: (ctx, p, b, s) => {
    if (p.pinBlock !== null && p.pinBlock !== b.id) return `${proposalLabel(ctx, p.id)} is pinned to ${blockLabel(ctx, p.pinBlock)} but runs in ${blockLabel(ctx, b.id)}`;
    if (p.pinSpace !== null && p.pinSpace !== s.id) return `${proposalLabel(ctx, p.id)} is pinned to space ${spaceLabel(ctx, p.pinSpace)} but runs in ${spaceLabel(ctx, s.id)}`;
    return null;
  },
};

export const PLACEMENT_RULES: readonly PlacementRule[] = [spaceAvailableRule, minSizeRule, pinRule];

const SEP = '\u0000';

function listPlaced(ctx: AgendaContext, chosen: readonly Placed[]): string {
  return [...chosen]
    .sort((a, b) => compareText(a.proposal, b.proposal))
    .map((c) => proposalLabel(ctx, c.proposal))
    .join(' and ');
}

export const placedOnceRule: ConflictRule = {
  name: 'placed-once',
  description: 'A proposal runs at most once; a pinned proposal runs exactly once.',
  build: (ctx, placements) => {
    const byProposal = groupIndices(placements, (p) => [p.proposal]);
    return [...ctx.proposals.values()].map((p) => ({
      rule: 'placed-once',
      limit: 1,
      exact: p.pinBlock !== null || p.pinSpace !== null,
      members: byProposal.get(p.id) ?? [],
      proposals: [p.id],
      describe: (chosen) =>
        chosen.length === 0
          ? `${proposalLabel(ctx, p.id)} is pinned but not placed`
          : `${proposalLabel(ctx, p.id)} runs ${chosen.length} times: ${chosen.map((c) => `${blockLabel(ctx, c.block)} in ${c.spaces.join('/')}`).join('; ')}`,
    }));
  },
};

export const onePerSpaceRule: ConflictRule = {
  name: 'one-per-space',
  description: 'At most one session per space and block.',
  build: (ctx, placements) =>
    [...groupIndices(placements, (p) => [`${p.block}${SEP}${p.spaces.join(SEP)}`])].map(([key, members]) => {
      const [block = '', ...spaces] = key.split(SEP);
      return {
        rule: 'one-per-space',
        limit: spaces.length,
        exact: false,
        members,
        proposals: [],
        describe: (chosen) => `${listPlaced(ctx, chosen)} share ${spaces.map((s) => spaceLabel(ctx, s)).join(' / ')} in ${blockLabel(ctx, block)}`,
      };
    }),
};

export const runnerClashRule: ConflictRule = {
  name: 'runner-clash',
  description: 'Nobody runs (proposes, facilitates or takes notes for) two sessions in one block.',
  build: (ctx, placements) =>
    [...groupIndices(placements, (p) => ctx.runners(p.proposal).map((r) => `${r}${SEP}${p.block}`))]
      .filter(([, members]) => new Set(members.map((i) => placements[i]!.proposal)).size > 1)
      .map(([key, members]) => {
        const [person = '', block = ''] = key.split(SEP);
        return {
          rule: 'runner-clash',
          limit: 1,
          exact: false,
          members,
          proposals: [],
          describe: (chosen) => `${personLabel(ctx, person)} runs ${listPlaced(ctx, chosen)} at once, in ${blockLabel(ctx, block)}`,
        };
      }),
};

/** Declared conflicts as unordered pairs, each once, sorted. */
export function conflictPairs(proposals: Iterable<Proposal>): readonly (readonly [string, string])[] {
  const pairs = new Set<string>();
  for (const p of proposals) for (const q of p.conflicts) if (q !== p.id) pairs.add(p.id < q ? `${p.id}${SEP}${q}` : `${q}${SEP}${p.id}`);
  return [...pairs].sort().map((k) => k.split(SEP) as [string, string]);
}

export const declaredConflictRule: ConflictRule = {
  name: 'declared-conflict',
  description: 'Proposals declared in conflict never share a block.',
  build: (ctx, placements) => {
    const pairsOf = new Map<string, string[]>();
    for (const [a, b] of conflictPairs(ctx.proposals.values())) {
      pairsOf.set(a, [...(pairsOf.get(a) ?? []), `${a}${SEP}${b}`]);
      pairsOf.set(b, [...(pairsOf.get(b) ?? []), `${a}${SEP}${b}`]);
    }
    return [...groupIndices(placements, (p) => (pairsOf.get(p.proposal) ?? []).map((k) => `${k}${SEP}${p.block}`))]
      .filter(([, members]) => new Set(members.map((i) => placements[i]!.proposal)).size > 1)
      .map(([key, members]) => {
        const [a = '', b = '', block = ''] = key.split(SEP);
        return {
          rule: 'declared-conflict',
          limit: 1,
          exact: false,
          members,
          proposals: [a, b],
          describe: () => `${proposalLabel(ctx, a)} and ${proposalLabel(ctx, b)} are declared in conflict but both run in ${blockLabel(ctx, block)}`,
        };
      });
  },
};

export const CONFLICT_RULES: readonly ConflictRule[] = [placedOnceRule, onePerSpaceRule, runnerClashRule, declaredConflictRule];
