/**
 * The independent checker: a hand-made agenda that keeps every rule, and for
 * each rule one that breaks it, with the rule named and the ids in the words.
 */
import { describe, expect, test } from 'vitest';
import type { Agenda, AgendaSlot, SessionRoles } from '../../src/domain/agenda.js';
import { checkAgenda } from '../../src/agenda/check.js';
import { agendaInput, block, participant, proposal, space } from './helpers.js';

const input = agendaInput({
  proposals: [
    proposal('p1', ['r1']),
    proposal('p2', ['r2']),
    proposal('p3', ['r1']),
    proposal('p4', ['r4'], { conflicts: ['p5'] }),
    proposal('p5', ['r5']),
    proposal('p6', ['r6'], { minSize: 20 }),
    proposal('p7', ['r7'], { pinBlock: 'A', pinSpace: 'big', noteTaker: 'r8' }),
  ],
  blocks: [block('A', 540), block('B', 600)],
  spaces: [space('big', 30), space('mid', 20), space('small', 10, { blocks: ['A'] })],
  interest: [],
  participants: [participant('r8', { noteTaker: true }), participant('r9'), participant('r10', { attending: false, noteTaker: true }), participant('r11', { noteTaker: true })],
});

const slot = (proposal: string, block: string, space: string): AgendaSlot => ({ proposal, block, space });
const roles = (slots: readonly AgendaSlot[], over: Record<string, Partial<SessionRoles>> = {}): SessionRoles[] =>
  slots.map((s) => ({ proposal: s.proposal, facilitator: input.proposals.find((p) => p.id === s.proposal)!.facilitator, noteTaker: s.proposal === 'p7' ? 'r8' : null, ...over[s.proposal] }));
const agenda = (slots: AgendaSlot[], over: Record<string, Partial<SessionRoles>> = {}): Agenda => ({ slots, roles: roles(slots, over) });
const good = [slot('p7', 'A', 'big'), slot('p2', 'A', 'small'), slot('p4', 'A', 'mid'), slot('p1', 'B', 'big'), slot('p5', 'B', 'mid')];
const rules = (a: Agenda) => checkAgenda(input, a).map((v) => v.rule);
const messages = (a: Agenda) => checkAgenda(input, a).map((v) => v.message);

describe('checkAgenda', () => {
  test('an agenda that keeps every rule has no violation', () => {
    expect(checkAgenda(input, agenda(good))).toEqual([]);
    expect(checkAgenda(input, agenda(good, { p2: { noteTaker: 'r11' } }))).toEqual([]);
  });

  test('space-available: a space used in a block it is not open in', () => {
    const a = agenda([...good.filter((s) => s.proposal !== 'p2'), slot('p2', 'B', 'small')]);
    expect(rules(a)).toEqual(['space-available']);
    expect(messages(a)[0]).toContain('p2 "Proposal p2" is in small (Space small, 10 seats) in block B (10:00-11:00), but that space is only available in A');
  });

  test('min-size: a space smaller than min_size', () => {
    const a = agenda([...good.filter((s) => s.proposal !== 'p2'), slot('p6', 'A', 'small')]);
    expect(rules(a)).toEqual(['min-size']);
    expect(messages(a)[0]).toContain('its min_size is 20');
  });

  test('pin: a pinned proposal elsewhere, and a pinned proposal missing', () => {
    expect(rules(agenda([...good.filter((s) => s.proposal !== 'p7' && s.proposal !== 'p1'), slot('p7', 'B', 'big')]))).toEqual(['pin']);
    const missing = agenda(good.filter((s) => s.proposal !== 'p7'));
    expect(rules(missing)).toEqual(['placed-once']);
    expect(messages(missing)[0]).toBe('p7 "Proposal p7" is pinned but not placed');
  });

  test('placed-once: a proposal placed twice', () => {
    const a = agenda([...good, slot('p1', 'A', 'small')].filter((s) => !(s.proposal === 'p2')));
    expect(rules(a)).toContain('placed-once');
  });

  test('one-per-space: two sessions in one space and block', () => {
    const a = agenda([slot('p7', 'A', 'big'), slot('p3', 'B', 'mid'), slot('p4', 'B', 'mid')]);
    expect(rules(a)).toEqual(['one-per-space']);
    expect(messages(a)[0]).toBe('p3 "Proposal p3" and p4 "Proposal p4" share mid (Space mid, 20 seats) in block B (10:00-11:00)');
  });

  test('runner-clash: one person runs two sessions in a block; a note-taker who runs another session there', () => {
    expect(rules(agenda([slot('p7', 'A', 'big'), slot('p3', 'B', 'mid'), slot('p1', 'A', 'small')]))).toEqual([]);
    const clash = agenda([slot('p7', 'A', 'big'), slot('p3', 'A', 'mid'), slot('p1', 'A', 'small')]);
    expect(rules(clash)).toEqual(['runner-clash']);
    expect(messages(clash)[0]).toBe('r1 (Name r1) runs p1 "Proposal p1" and p3 "Proposal p3" at once, in block A (09:00-10:00)');
    const taker = agenda([slot('p7', 'A', 'big'), slot('p1', 'A', 'small'), slot('p2', 'A', 'mid')], { p2: { noteTaker: 'r1' } });
    expect(rules(taker)).toContain('runner-clash');
  });

  test('declared-conflict: declared proposals in one block', () => {
    const a = agenda([slot('p7', 'A', 'big'), slot('p4', 'A', 'mid'), slot('p5', 'A', 'small')]);
    expect(rules(a)).toEqual(['declared-conflict']);
    expect(messages(a)[0]).toBe('p4 "Proposal p4" and p5 "Proposal p5" are declared in conflict but both run in block A (09:00-10:00)');
  });

  test('roles: the wrong facilitator, a note-taker who did not volunteer or is not at the day, a chosen note-taker replaced', () => {
    expect(rules(agenda(good, { p1: { facilitator: 'r9' } }))).toEqual(['roles']);
    expect(messages(agenda(good, { p1: { noteTaker: 'r9' } }))[0]).toContain('did not volunteer to take notes');
    expect(messages(agenda(good, { p1: { noteTaker: 'r10' } }))[0]).toContain('is not registered for civil_society_day');
    expect(messages(agenda(good, { p7: { noteTaker: 'r11' } }))[0]).toContain('not r8 (Name r8) as proposals.csv says');
  });
});
