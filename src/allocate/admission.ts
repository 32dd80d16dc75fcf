/**
 * Civil Society Day admission: pre-chosen facilitators and note-takers first
 * (tier 0: the organisers need them in the room), then by tier, then by the
 * lottery; the first `places` are admitted, the rest waitlisted in order.
 */
import type { Sector } from '../domain/types.js';
import { lotteryLabel } from './lottery.js';
import type { Registrant } from '../domain/allocation.js';
import { byId, compareText } from '../domain/compare.js';

export type AdmissionStatus = 'admitted' | 'waitlisted' | 'not registered';

export type Admission = {
  readonly id: string;
  readonly status: AdmissionStatus;
  /** 0 = pre-chosen role, 1.. = position of the sector in the tier order; null when not registered. */
  readonly tier: number | null;
  readonly lottery: number;
  /** Admission order among the admitted, or waitlist position; null when not registered. */
  readonly position: number | null;
  readonly reason: string;
};

/**
 * One Admission per registrant, sorted by id. `preChosen` maps a registrant
 * id to a description of the role the organisers gave them.
 */
export function admit(
  registrants: readonly Registrant[],
  lottery: ReadonlyMap<string, number>,
  tiers: readonly Sector[],
  places: number,
  preChosen: ReadonlyMap<string, string>,
): readonly Admission[] {
  const total = lottery.size;
  const tierOf = (r: Registrant): number => {
    if (preChosen.has(r.id)) return 0;
    const i = r.sector === null ? -1 : tiers.indexOf(r.sector);
    return i >= 0 ? i + 1 : tiers.length + 1;
  };
  const number = (r: Registrant) => lottery.get(r.id) ?? 0;
  const queue = registrants
    .filter((r) => r.events.includes('civil_society_day'))
    .map((r) => ({ r, tier: tierOf(r) }))
    .sort((a, b) => a.tier - b.tier || number(a.r) - number(b.r) || compareText(a.r.id, b.r.id));
  const decided = new Map<string, Admission>();
  queue.forEach(({ r, tier }, i) => {
    const lot = lotteryLabel(number(r), total);
    const tierText = tier === 0 ? `tier 0 (${preChosen.get(r.id) ?? ''})` : `tier ${tier}`;
    const admitted = i < places;
    const position = admitted ? i + 1 : i - places + 1;
    decided.set(r.id, {
      id: r.id,
      status: admitted ? 'admitted' : 'waitlisted',
      tier,
      lottery: number(r),
      position,
      reason: `${tierText}, lottery ${lot}, ${admitted ? 'admitted' : `waitlist #${position}`}`,
    });
  });
  return [...registrants]
    .sort(byId)
    .map(
      (r) =>
        decided.get(r.id) ?? {
          id: r.id,
          status: 'not registered',
          tier: null,
          lottery: number(r),
          position: null,
          reason: 'not registered for civil_society_day',
        },
    );
}
