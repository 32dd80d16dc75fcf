/** Small builders for allocation tests. */
import { createHash } from 'node:crypto';
import type { Sector } from '../../src/domain/types.js';
import type { EventName, Registrant, Role } from '../../src/domain/allocation.js';
import type { Session } from '../../src/domain/session.js';

export function person(id: string, over: Partial<Registrant> = {}): Registrant {
  return {
    id,
    name: `Name ${id}`,
    email: `${id}@example.org`,
    organization: 'Org',
    sector: 'civil_society',
    country: 'Costa Rica',
    registeredAt: '2014-10-01',
    events: ['civil_society_day'],
    roles: [],
    pointOfContact: false,
    line: 2,
    ...over,
  };
}

export function session(id: string, block: string, capacity: number, over: Partial<Session> = {}): Session {
  return { id, title: `Session ${id}`, block, capacity, room: 'room', facilitator: null, noteTaker: null, line: 2, ...over };
}

export const sha = (seed: string) => (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');

export type { EventName, Role, Sector };
