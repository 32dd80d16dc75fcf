#!/usr/bin/env node
// Writes the generated parts of the documentation from the built code (run `npm run build` first):
// the soft goals' table in docs/scheduling-model.md, between its goals:start and goals:end markers.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => import(pathToFileURL(path.join(root, 'dist', file)).href);
const { GOALS } = await load('model/goals/registry.js');
const { goalsTable } = await load('render/goals-table.js');

const file = path.join(root, 'docs', 'scheduling-model.md');
const text = readFileSync(file, 'utf8');
const start = '<!-- goals:start (written by npm run docs from src/model/goals/registry.ts) -->';
const end = '<!-- goals:end -->';
const a = text.indexOf(start);
const b = text.indexOf(end);
if (a < 0 || b < a) throw new Error(`${file}: the goals markers are missing`);
const next = `${text.slice(0, a + start.length)}\n${goalsTable(GOALS)}\n${text.slice(b)}`;
if (next !== text) writeFileSync(file, next);
console.log(next === text ? `${file} is up to date` : `wrote ${file}`);
