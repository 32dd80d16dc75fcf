/**
 * Reading the agenda's files: every problem of every file at once, as
 * `file:line:column column: message` (fixtures/agenda-bad-cells and
 * agenda-bad-references show each kind; tests/agenda/cli.e2e.test.ts runs the
 * command on them: exit 2, nothing written). A good folder reads without a
 * problem; repeated interest rows add up.
 */
import { describe, expect, test } from 'vitest';
import { parseAgendaInput } from '../../src/io/agenda/parse.js';
import { readAgendaInput } from '../../src/io/agenda/read.js';
import { issuesOf, issuesOfAsync } from '../helpers/issues.js';
import { fixture } from '../cli/run.js';

const REGISTRATIONS = 'id,name,email,organization,sector,country,registered_at,events,roles,point_of_contact\nr1,Ana,a@x,Org,civil_society,México,,civil_society_day,,no\nr2,Bo,b@x,Org,civil_society,Perú,,civil_society_day,note_taker,no\n';
const files = {
  registrations: REGISTRATIONS,
  proposals: 'id,title,proposers,language\ns1,Datos,r1,es\ns2,Justicia,r2,es\n',
  interest: 'registrant,proposal,weight\nr1,s2,\nr1,s2,2\nr2,s1,1\n',
  blocks: 'id,date,start,end\nA,2014-11-18,09:00,10:00\n',
  spaces: 'id,name,capacity\nsg,Sala,20\n',
};

describe('reading agenda input', () => {
  test('a good folder reads without a problem; repeated rows of one pair add up; the facilitator defaults to the first proposer', () => {
    const input = parseAgendaInput(files);
    expect(input.interest).toEqual([
      { registrant: 'r1', proposal: 's2', weight: 3 },
      { registrant: 'r2', proposal: 's1', weight: 1 },
    ]);
    expect(input.proposals.map((p) => p.facilitator)).toEqual(['r1', 'r2']);
    expect(input.spaces[0]?.blocks).toBeNull();
  });

  test('missing files are named', () => {
    expect(issuesOf(() => parseAgendaInput({ ...files, blocks: undefined, spaces: undefined }))).toEqual([
      'blocks.csv: missing file (expected columns id,date,start,end)',
      'spaces.csv: missing file (expected columns id,name,capacity)',
    ]);
  });

  test('fixtures/agenda-bad-cells: every cell problem', async () => {
    expect(await issuesOfAsync(() => readAgendaInput(fixture('agenda-bad-cells')))).toEqual([
      "blocks.csv:3:2 date: expected a date written YYYY-MM-DD, got \"2014-11-31\"",
      "blocks.csv:4:4 end: expected a time written HH:MM (24-hour), got \"noon\"",
      "blocks.csv:5:4 end: expected an end after the start",
      "blocks.csv:6:1 id: duplicate id \"A\" (first on line 2)",
      "interest.csv:3:3 weight: expected a whole number of dots from 1 to 100 (empty: 1), got \"0\"",
      "interest.csv:4:3 weight: expected a whole number of dots from 1 to 100 (empty: 1), got \"lots\"",
      "interest.csv:5:2 proposal: expected an id, got an empty cell",
      "interest.csv:6:3 weight: expected a whole number of dots from 1 to 100 (empty: 1), got \"101\"",
      "proposals.csv:3:1 id: expected an id of letters, digits, \".\", \"_\" or \"-\", got \"s 2\"",
      "proposals.csv:4:2 title: expected some text, got an empty cell",
      "proposals.csv:5:3 proposers: expected at least one id (separate several with \";\" or \"|\"), got an empty cell",
      "proposals.csv:6:6 facilitator: expected one registrant id, got \"r2;r3\"",
      "proposals.csv:6:8 min_size: expected a whole number of seats up to 100,000, or an empty cell, got \"forty\"",
      "proposals.csv:7:7 note_taker: \"r2\" already facilitates this session",
      "proposals.csv:7:11 conflicts: a proposal cannot conflict with itself (s6)",
      "proposals.csv:8:1 id: duplicate id \"s1\" (first on line 2)",
      "spaces.csv:2:3 capacity: expected a whole number from 1 to 100,000, got \"0\"",
      "spaces.csv:3:2 name: expected some text, got an empty cell",
    ]);
  });

  test('fixtures/agenda-bad-references: every reference problem, pins no agenda can keep', async () => {
    expect(await issuesOfAsync(() => readAgendaInput(fixture('agenda-bad-references')))).toEqual([
      "blocks.csv:3:3 start: block B overlaps block A (09:30-10:30, line 2); a person is in one session per block, so blocks must not overlap",
      "interest.csv:3:1 registrant: unknown registrant \"r7\" (not in registrations.csv)",
      "interest.csv:4:1 registrant: r4 (Luis Mora) is not registered for civil_society_day",
      "interest.csv:5:2 proposal: unknown proposal \"s9\" (not in proposals.csv)",
      "proposals.csv:2:3 proposers: unknown registrant \"r9\" (not in registrations.csv)",
      "proposals.csv:2:11 conflicts: unknown proposal \"s9\" (not in proposals.csv)",
      "proposals.csv:3:3 proposers: r4 (Luis Mora) is not registered for civil_society_day",
      "proposals.csv:3:6 facilitator: unknown registrant \"r8\" (not in registrations.csv)",
      "proposals.csv:3:7 note_taker: r4 (Luis Mora) is not registered for civil_society_day",
      "proposals.csv:4:9 pin_block: unknown block \"Z\" (not in blocks.csv)",
      "proposals.csv:4:10 pin_space: unknown space \"zz\" (not in spaces.csv)",
      "proposals.csv:5:10 pin_space: te (Terraza) is not available in block A, where s4 is pinned",
      "proposals.csv:6:10 pin_space: sl (Sala Limón) has 20 seats, but s5 needs 40 (its min_size, runners and note-taker)",
      "proposals.csv:8:10 pin_space: s6 (line 7) is already pinned to sg in block B",
      "proposals.csv:9:9 pin_block: block B has 3 spaces, and more proposals than that are pinned to it",
      "proposals.csv:9:9 pin_block: r3 runs both s6 (line 7) and s8, and both are pinned to block B",
      "proposals.csv:10:1 id: \"w01\" is also an item id in themes.csv; session ids must differ from item ids",
      "spaces.csv:4:4 blocks: unknown block \"X\" (not in blocks.csv)",
    ]);
  });
});
