/**
 * The Focal Point meeting is closed: the roster is the registrants for whom
 * isFocalPointEligible holds, and nothing else can add to it (no option of
 * allocate reaches this module).
 */
import type { Registrant } from '../domain/allocation.js';
import { byId } from '../domain/compare.js';

export type FocalPointRoster = {
  /** Sorted by id. */
  readonly invited: readonly Registrant[];
  /** Everyone else who registered for it, sorted by id, with why not. */
  readonly refused: readonly { readonly registrant: Registrant; readonly reason: string }[];
};

/** Government, a point of contact, and registered for the meeting. */
export function isFocalPointEligible(r: Registrant): boolean {
  return r.sector === 'government' && r.pointOfContact && r.events.includes('focal_point');
}

export function focalPointRoster(registrants: readonly Registrant[]): FocalPointRoster {
  const sorted = [...registrants].sort(byId);
  return {
    invited: sorted.filter(isFocalPointEligible),
    refused: sorted
      .filter((r) => r.events.includes('focal_point') && !isFocalPointEligible(r))
      .map((registrant) => ({ registrant, reason: refusal(registrant) })),
  };
}

function refusal(r: Registrant): string {
  const why: string[] = [];
  if (r.sector !== 'government') why.push(r.sector === null ? 'no sector given, not government' : `sector is ${r.sector}, not government`);
  if (!r.pointOfContact) why.push('not a government point of contact');
  return `closed meeting: ${why.join('; ')}`;
}
