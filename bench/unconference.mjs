#!/usr/bin/env node
// Seeded Civil Society Day unconferences for `convene agenda`: proposals.csv,
// interest.csv, blocks.csv, spaces.csv (and registrations.csv for the
// generated instances). Every draw goes through mulberry32 (./generate.mjs),
// seeded from the instance's name, so the same name always gives the same
// bytes.
//
//   node bench/unconference.mjs --fixture            rewrite the Civil Society Day files of fixtures/ogp-americas
//   node bench/unconference.mjs [name ...] [--out bench/out]
// Instances: medium (500 people, 80 proposals), large (2,000 people, 300 proposals).
//
// The fixture's people are the 150 that `convene allocate fixtures/ogp-americas`
// admits with its default seed and tiers (worked out here the same way: the
// pre-chosen roles of unconference.csv, then sector tiers, then the SHA-256
// lottery), so its interest is "the 150 admitted people's".
// Plain JavaScript with no imports from convene: runs before a build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawsOf, rng, seedOf } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

/** Generated instances: people, proposals, blocks, spaces and how many of each kind of special row. */
export const UNCONFERENCES = {
  medium: { people: 500, proposals: 80, blocks: 5, spaces: 16, capacity: [15, 50], partial: 2, conflicts: 6, pins: 2, minSizes: 5 },
  large: { people: 2000, proposals: 300, blocks: 6, spaces: 50, capacity: [20, 80], partial: 5, conflicts: 20, pins: 4, minSizes: 15 },
};

// ---- CSV ----
function cell(v) {
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function csv(header, rows) {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
/** A minimal reader for the fixture's own files (quoted cells, no line breaks inside cells). */
function readCsv(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const split = (line) => {
    const out = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') out.push(cur), (cur = '');
      else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i], v])));
}

// ---- draws ----
function draws(seed) {
  const rand = rng(seed);
  const { int, pick, shuffle } = drawsOf(rand);
  /** An index drawn with probability proportional to weights[i]. */
  const weighted = (weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = rand() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  };
  return { rand, int, pick, shuffle, weighted };
}

/**
 * Each person marks `lo`-`hi` proposals: most from one or two favourite
 * topics, the rest by overall popularity (skewed: a few very popular
 * proposals). A mark carries 1 dot (an empty weight cell), sometimes 2 or 3.
 */
function interestRows(d, people, proposals, popularity, [lo, hi]) {
  const topics = [...new Set(proposals.map((p) => p.topic))].sort();
  const rows = [];
  for (const person of people) {
    const favourites = d.shuffle(topics).slice(0, d.int(1, 2));
    const count = Math.min(proposals.length, d.int(lo, hi));
    const chosen = new Set();
    for (let guard = 0; chosen.size < count && guard < 1000; guard++) {
      const fromTopic = d.rand() < 0.55;
      const weights = proposals.map((p, i) => (chosen.has(i) ? 0 : (fromTopic ? (favourites.includes(p.topic) ? 1 : 0) : 1) * popularity[i]));
      if (weights.every((w) => w === 0)) continue;
      chosen.add(d.weighted(weights));
    }
    for (const i of [...chosen].sort((a, b) => a - b)) {
      const r = d.rand();
      rows.push([person, proposals[i].id, r < 0.75 ? '' : r < 0.93 ? '2' : '3']);
    }
  }
  return rows;
}

/** Popularity: a Zipf-like law over a random order, so a few proposals are wanted by many. */
function popularityOf(d, n, exponent) {
  const order = d.shuffle([...Array(n).keys()]);
  const pop = new Array(n);
  order.forEach((p, rank) => (pop[p] = 1 / Math.pow(rank + 1, exponent) + 0.02));
  return pop;
}

// ---- the fixture: the Civil Society Day of fixtures/ogp-americas ----

/** Title, language, topic, and the special cells of the 45 proposals. */
const FIXTURE_PROPOSALS = [
  ['Datos abiertos en municipios pequeños', 'es', 'open-data'],
  ['Open data en gobiernos locales: del portal al uso', 'es', 'open-data'],
  ['Open Contracting in Public Works', 'en', 'fiscal'],
  ['Contrataciones abiertas: monitoreo ciudadano de obras', 'es', 'fiscal'],
  ['Presupuestos participativos que funcionan', 'es', 'fiscal', { min_size: 20 }],
  ['Orçamento aberto e controle social', 'pt', 'fiscal'],
  ['Acceso a la información: ¿qué pasa cuando el Estado no responde?', 'es', 'access'],
  ['Lei de Acesso à Informação: três anos depois', 'pt', 'access'],
  ['Protección de periodistas y acceso a la información', 'es', 'press'],
  ['Whistleblower Protection in the Caribbean', 'en', 'integrity'],
  ['Beneficiarios finales y lucha contra la corrupción', 'es', 'integrity'],
  ['Justicia abierta desde la sociedad civil', 'es', 'justice'],
  ['Pueblos indígenas y consulta previa', 'es', 'territory', { coProposer: true }],
  ['Gobierno abierto en territorios indígenas', 'es', 'territory'],
  ['Industrias extractivas y comunidades', 'es', 'territory'],
  ['Climate Finance Transparency', 'en', 'territory'],
  ['Género y compromisos OGP', 'es', 'inclusion', { sameProposerAs: 41 }],
  ['Jóvenes y gobierno abierto', 'es', 'inclusion'],
  ['Participação social nas políticas públicas', 'pt', 'participation'],
  ['Co-creación de planes de acción: lecciones aprendidas', 'es', 'participation', { min_size: 25 }],
  ['Cómo evaluar el cumplimiento de compromisos: el MRI desde adentro', 'es', 'participation', { facilitator: true }],
  ['Civic Tech Sustainability: Who Pays?', 'en', 'civic-tech', { coProposer: true }],
  ['Tecnologia cívica no Brasil: o que aprendemos', 'pt', 'civic-tech'],
  ['Parlamento abierto en Centroamérica', 'es', 'parliament'],
  ['Transparencia en partidos políticos y campañas', 'es', 'parliament'],
  ['Datos de salud abiertos', 'es', 'open-data'],
  ['Educación y datos abiertos', 'es', 'open-data', { sameProposerAs: 1 }],
  ['Seguridad ciudadana y transparencia policial', 'es', 'justice'],
  ['Open Government and Disability Rights', 'en', 'inclusion'],
  ['Redes regionales de sociedad civil: cómo sostenerlas', 'es', 'participation', { coProposer: true }],
  ['Gobierno abierto municipal: alcaldías que se comprometen', 'es', 'local'],
  ['Cidades abertas: governo aberto subnacional', 'pt', 'local'],
  ['Periodismo de datos con pocos recursos', 'es', 'press'],
  ['Fiscal Transparency in the Caribbean', 'en', 'fiscal'],
  ['Agua y saneamiento: rendición de cuentas', 'es', 'territory'],
  ['Compras públicas en emergencias', 'es', 'integrity'],
  ['Lenguaje claro: que la gente entienda al Estado', 'es', 'access'],
  ['Measuring Open Government: Indices and Their Limits', 'en', 'participation'],
  ['Archivos y memoria: acceso a los archivos de derechos humanos', 'es', 'justice'],
  ['Dados abertos e combate à corrupção', 'pt', 'integrity'],
  ['Mujeres defensoras del territorio', 'es', 'inclusion'],
  ['Sociedad civil y Punto de Contacto: cómo dialogar', 'es', 'participation', { pin: ['A', 'sg'], min_size: 30, noteTaker: true }],
  ['Open Government in Small Island States', 'en', 'local'],
  ['Tecnologías para la participación: herramientas libres', 'es', 'civic-tech'],
  ['Hoja de ruta de la sociedad civil para 2015', 'es', 'participation', { pin: ['E', null], min_size: 30, noteTaker: true }],
];

/** Declared conflicts, by proposal number: two sessions for the same community or network. */
const FIXTURE_CONFLICTS = [
  [13, 14],
  [9, 33],
  [17, 41],
  [22, 44],
];

const FIXTURE_DESCRIPTIONS = {
  1: 'Cómo publicar y usar datos con equipos de dos personas.',
  3: 'Lessons from Colombia, Paraguay and Mexico on publishing contracts for roads and schools.',
  13: 'Experiencias de consulta libre, previa e informada.',
  42: 'Un espacio pedido por la Unidad de Apoyo de OGP, en la sala grande, al inicio del día.',
  45: 'Cierre del día: lo que llevamos a la Reunión Regional.',
};

const FIXTURE_BLOCKS = [
  ['A', '2014-11-18', '09:30', '10:30'],
  ['B', '2014-11-18', '10:45', '11:45'],
  ['C', '2014-11-18', '12:00', '13:00'],
  ['D', '2014-11-18', '14:00', '15:00'],
  ['E', '2014-11-18', '15:15', '16:15'],
];

const FIXTURE_SPACES = [
  ['sg', 'Sala Guanacaste', 40, ''],
  ['sh', 'Sala Heredia', 30, ''],
  ['sc', 'Sala Cartago', 25, ''],
  ['vn', 'Vestíbulo norte', 25, ''],
  ['sl', 'Sala Limón', 20, ''],
  ['sa', 'Sala Alajuela', 20, ''],
  ['sp', 'Sala Puntarenas', 15, ''],
  ['te', 'Terraza', 30, 'D;E'],
];

const TIERS = ['civil_society', 'irm', 'academia', 'multilateral', 'private', 'other', 'government'];

/** The 150 people `convene allocate fixtures/ogp-americas` admits (seed 2014, default tiers and places). */
function admitted(registrations, unconference, seed = '2014', places = 150) {
  const key = (id) => createHash('sha256').update(`${seed}:${id}`, 'utf8').digest('hex');
  const lottery = new Map(
    registrations
      .map((r) => ({ id: r.id, k: key(r.id) }))
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.id < b.id ? -1 : 1))
      .map((x, i) => [x.id, i + 1]),
  );
  const preChosen = new Set(unconference.flatMap((s) => [s.facilitator, s.note_taker]).filter((x) => x));
  const tier = (r) => (preChosen.has(r.id) ? 0 : TIERS.indexOf(r.sector) + 1 || TIERS.length + 1);
  return registrations
    .filter((r) => r.events.split(/[;|]/).includes('civil_society_day'))
    .sort((a, b) => tier(a) - tier(b) || lottery.get(a.id) - lottery.get(b.id))
    .slice(0, places)
    .map((r) => r.id)
    .sort();
}

export function generateFixture(dir = path.join(root, 'fixtures', 'ogp-americas')) {
  const registrations = readCsv(readFileSync(path.join(dir, 'registrations.csv'), 'utf8'));
  const unconference = readCsv(readFileSync(path.join(dir, 'unconference.csv'), 'utf8'));
  const people = admitted(registrations, unconference);
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const d = draws(seedOf('ogp-americas civil society day'));
  const civil = people.filter((id) => byId.get(id).sector === 'civil_society');
  const volunteers = people.filter((id) => byId.get(id).roles.includes('note_taker'));
  const pool = d.shuffle(civil);
  const take = () => pool.pop();
  const proposers = [];
  FIXTURE_PROPOSALS.forEach(([, , , extra = {}], i) => {
    const same = extra.sameProposerAs;
    const first = same !== undefined && same - 1 < i ? proposers[same - 1][0] : take();
    proposers.push(extra.coProposer ? [first, take()] : [first]);
  });
  // A proposal numbered n may name the proposer of an earlier one; fill the forward references now.
  FIXTURE_PROPOSALS.forEach(([, , , extra = {}], i) => {
    if (extra.sameProposerAs !== undefined && extra.sameProposerAs - 1 > i) proposers[extra.sameProposerAs - 1][0] = proposers[i][0];
  });
  const proposals = FIXTURE_PROPOSALS.map(([title, language, topic, extra = {}], i) => {
    const n = i + 1;
    const id = `s${String(n).padStart(2, '0')}`;
    const conflicts = FIXTURE_CONFLICTS.filter((c) => c[0] === n).map((c) => `s${String(c[1]).padStart(2, '0')}`);
    return {
      id,
      title,
      language,
      topic,
      proposers: proposers[i],
      description: FIXTURE_DESCRIPTIONS[n] ?? '',
      facilitator: extra.facilitator ? pool.pop() : '',
      note_taker: '',
      min_size: extra.min_size ?? '',
      pin_block: extra.pin?.[0] ?? '',
      pin_space: extra.pin?.[1] ?? '',
      conflicts: conflicts.join(';'),
    };
  });
  // The pinned sessions' proposers chose their note-takers: volunteers who propose nothing.
  const takers = volunteers.filter((v) => !proposers.flat().includes(v) && !proposals.some((p) => p.facilitator === v));
  FIXTURE_PROPOSALS.forEach(([, , , extra = {}], i) => {
    if (extra.noteTaker) proposals[i].note_taker = takers.shift();
  });
  const popularity = popularityOf(d, proposals.length, 0.8);
  const interest = interestRows(d, people, proposals, popularity, [3, 8]);
  const files = {
    'proposals.csv': csv(
      ['id', 'title', 'proposers', 'language', 'description', 'facilitator', 'note_taker', 'min_size', 'pin_block', 'pin_space', 'conflicts'],
      proposals.map((p) => [p.id, p.title, p.proposers.join(';'), p.language, p.description, p.facilitator, p.note_taker, p.min_size, p.pin_block, p.pin_space, p.conflicts]),
    ),
    'interest.csv': csv(['registrant', 'proposal', 'weight'], interest),
    'blocks.csv': csv(['id', 'date', 'start', 'end'], FIXTURE_BLOCKS),
    'spaces.csv': csv(['id', 'name', 'capacity', 'blocks'], FIXTURE_SPACES),
  };
  return { files, summary: { people: people.length, proposals: proposals.length, interestRows: interest.length } };
}

// ---- generated instances ----

const TOPIC_WORDS = {
  'open-data': ['Datos abiertos', 'Open data', 'Dados abertos'],
  fiscal: ['Presupuestos', 'Public budgets', 'Orçamento'],
  integrity: ['Anticorrupción', 'Integrity', 'Integridade'],
  access: ['Acceso a la información', 'Right to information', 'Acesso à informação'],
  justice: ['Justicia abierta', 'Open justice', 'Justiça aberta'],
  territory: ['Territorio y ambiente', 'Environment', 'Território'],
  inclusion: ['Inclusión', 'Inclusion', 'Inclusão'],
  participation: ['Participación', 'Participation', 'Participação'],
  'civic-tech': ['Tecnología cívica', 'Civic tech', 'Tecnologia cívica'],
  parliament: ['Parlamento abierto', 'Open parliament', 'Parlamento aberto'],
  local: ['Gobierno local', 'Local government', 'Governo local'],
  press: ['Periodismo', 'Journalism', 'Jornalismo'],
};
const LANGS = ['es', 'en', 'pt'];
const SECTORS = ['civil_society', 'civil_society', 'civil_society', 'civil_society', 'academia', 'irm', 'private', 'other'];
const COUNTRIES = ['Argentina', 'Brasil', 'Canada', 'Chile', 'Colombia', 'Costa Rica', 'México', 'Perú', 'Uruguay', 'United States'];
const BLOCK_TIMES = [
  ['08:30', '09:30'],
  ['09:45', '10:45'],
  ['11:00', '12:00'],
  ['13:00', '14:00'],
  ['14:15', '15:15'],
  ['15:30', '16:30'],
  ['16:45', '17:45'],
];

export function generate(name, options = {}) {
  const spec = UNCONFERENCES[name];
  if (!spec) throw new Error(`unknown instance "${name}" (expected ${Object.keys(UNCONFERENCES).join(', ')})`);
  const d = draws(options.seed ?? seedOf(`unconference ${name}`));
  const width = String(spec.people).length;
  const personId = (i) => `r${String(i).padStart(width, '0')}`;
  const people = Array.from({ length: spec.people }, (_, i) => personId(i + 1));
  const regs = people.map((id, i) => {
    const roles = d.rand() < 0.12 ? d.pick(['note_taker', 'facilitator;note_taker', 'note_taker']) : '';
    return [id, `Persona ${i + 1}`, `p${i + 1}@example.org`, `Org ${d.int(1, Math.ceil(spec.people / 8))}`, d.pick(SECTORS), d.pick(COUNTRIES), '2014-10-01T09:00', 'civil_society_day', roles, 'no'];
  });
  const blocks = Array.from({ length: spec.blocks }, (_, i) => [String.fromCharCode(65 + i), '2014-11-18', ...BLOCK_TIMES[i]]);
  const blockIds = blocks.map((b) => b[0]);
  const spaceWidth = String(spec.spaces).length;
  const spaces = Array.from({ length: spec.spaces }, (_, i) => {
    const [lo, hi] = spec.capacity;
    const capacity = 5 * d.int(lo / 5, hi / 5);
    const some = i < spec.partial ? d.shuffle(blockIds).slice(0, d.int(2, spec.blocks - 1)).sort().join(';') : '';
    return [`sp${String(i + 1).padStart(spaceWidth, '0')}`, `Espacio ${i + 1}`, capacity, some];
  });
  const topics = Object.keys(TOPIC_WORDS);
  const pool = d.shuffle(people);
  const proposers = [];
  const proposals = Array.from({ length: spec.proposals }, (_, i) => {
    const topic = d.pick(topics);
    const l = d.int(0, 9) < 6 ? 0 : d.int(1, 2);
    const first = i > 10 && d.rand() < 0.08 ? d.pick(proposers) : pool.pop();
    proposers.push(first);
    const who = d.rand() < 0.15 ? [first, pool.pop()] : [first];
    return {
      id: `s${String(i + 1).padStart(3, '0')}`,
      title: `${TOPIC_WORDS[topic][l]} ${i + 1}`,
      language: LANGS[l],
      topic,
      proposers: who,
      min_size: '',
      pin_block: '',
      pin_space: '',
      conflicts: [],
    };
  });
  for (let k = 0; k < spec.minSizes; k++) d.pick(proposals).min_size = 5 * d.int(4, 8);
  for (let k = 0; k < spec.conflicts; k++) {
    const a = d.pick(proposals);
    const b = d.pick(proposals.filter((p) => p.topic === a.topic && p !== a));
    if (b && !a.conflicts.includes(b.id)) a.conflicts.push(b.id);
  }
  // Pins: distinct blocks and spaces, spaces available in every block, big enough for any min_size.
  const open = spaces.filter((s) => s[3] === '' && s[2] >= 40);
  for (let k = 0; k < spec.pins; k++) {
    const p = proposals[k * 7 + 3];
    p.pin_block = blockIds[k % blockIds.length];
    p.pin_space = k % 2 === 0 ? open[k]?.[0] ?? '' : '';
    p.conflicts = [];
  }
  const popularity = popularityOf(d, proposals.length, 0.9);
  const interest = interestRows(d, people, proposals, popularity, [3, 8]);
  const files = {
    'registrations.csv': csv(['id', 'name', 'email', 'organization', 'sector', 'country', 'registered_at', 'events', 'roles', 'point_of_contact'], regs),
    'proposals.csv': csv(
      ['id', 'title', 'proposers', 'language', 'min_size', 'pin_block', 'pin_space', 'conflicts'],
      proposals.map((p) => [p.id, p.title, p.proposers.join(';'), p.language, p.min_size, p.pin_block, p.pin_space, p.conflicts.join(';')]),
    ),
    'interest.csv': csv(['registrant', 'proposal', 'weight'], interest),
    'blocks.csv': csv(['id', 'date', 'start', 'end'], blocks),
    'spaces.csv': csv(['id', 'name', 'capacity', 'blocks'], spaces),
  };
  return { files, summary: { name, people: people.length, proposals: proposals.length, blocks: blocks.length, spaces: spaces.length, interestRows: interest.length } };
}

export function writeFiles(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

export function writeUnconference(name, dir, options = {}) {
  const { files, summary } = generate(name, options);
  writeFiles(dir, files);
  return summary;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--fixture')) {
    const dir = path.join(root, 'fixtures', 'ogp-americas');
    const { files, summary } = generateFixture(dir);
    writeFiles(dir, files);
    console.log(`fixtures/ogp-americas: ${summary.proposals} proposals, interest of ${summary.people} people (${summary.interestRows} rows)`);
  } else {
    const k = args.indexOf('--out');
    const out = k >= 0 ? args[k + 1] : path.join(here, 'out');
    const names = args.filter((a, i) => !a.startsWith('--') && (k < 0 || i !== k + 1));
    for (const name of names.length > 0 ? names : Object.keys(UNCONFERENCES)) {
      const summary = writeUnconference(name, path.join(out, `unconference-${name}`));
      console.log(JSON.stringify(summary));
    }
  }
}
