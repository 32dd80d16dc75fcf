/**
 * board.html: the unconference grid for the wall. One self-contained page
 * (inline CSS, no script, nothing fetched): blocks as rows, spaces as
 * columns, large print; printed, it fills one A3 landscape sheet; on a phone
 * it folds into a list of sessions per block. Every text from the input goes
 * through escapeHtml.
 */
import { escapeHtml as e } from '../publish/escape.js';
import type { Lang } from '../publish/labels.js';
import type { AgendaView, SessionView } from './view.js';
import { AGENDA_WORDS, type AgendaWords } from './words.js';

/** Print size in points: smaller type the more spaces share the sheet's width and the more blocks its height. */
export function printPoints(spaces: number, blocks: number): number {
  const fit = Math.min(14, 74 / Math.max(1, spaces), 46 / Math.max(1, blocks));
  return Math.max(5, Math.floor(fit * 2) / 2);
}

const CSS = `
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem; font: 18px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a202c; background: #fff; }
header { margin: 0 0 .75rem; }
h1 { margin: 0; font-size: 2rem; }
header p { margin: .2rem 0 0; font-size: 1.2rem; color: #4a5568; }
table.board { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.board th, table.board td { border: 2px solid #2d3748; padding: .45rem; vertical-align: top; text-align: left; }
table.board thead th { background: #2d3748; color: #fff; font-size: 1.1rem; }
table.board thead th small { display: block; font-weight: normal; font-size: .85rem; opacity: .85; }
table.board th.time { width: 7.5rem; background: #edf2f7; color: #1a202c; }
table.board th.time .block { display: block; font-size: 1.4rem; }
table.board th.time .when { display: block; font-size: 1rem; font-variant-numeric: tabular-nums; }
table.board td.closed { background: repeating-linear-gradient(45deg, #edf2f7, #edf2f7 8px, #fff 8px, #fff 16px); color: #718096; font-style: italic; font-size: .9rem; }
table.board td.free { color: #a0aec0; font-size: .9rem; }
article.session h2 { margin: 0 0 .3rem; font-size: 1.15rem; line-height: 1.2; }
article.session p { margin: .1rem 0 0; font-size: .85rem; }
article.session .tag { display: inline-block; padding: 0 .35rem; border: 1px solid currentColor; border-radius: 3px; font-weight: 600; font-size: .8rem; margin-right: .3rem; }
article.session .where { display: none; }
section.left-out { margin-top: 1rem; font-size: .9rem; color: #4a5568; }
section.left-out h2 { font-size: 1rem; margin: 0 0 .3rem; }
section.left-out ul { margin: 0; padding-left: 1.2rem; columns: 2; }
@media (max-width: 700px) {
  body { font-size: 16px; padding: .6rem; }
  h1 { font-size: 1.5rem; }
  table.board, table.board tbody, table.board tr, table.board th, table.board td { display: block; width: auto; border: 0; }
  table.board thead { display: none; }
  table.board tr { margin: 0 0 1rem; }
  table.board th.time { width: auto; padding: .4rem .6rem; border-radius: 4px; }
  table.board th.time .block, table.board th.time .when { display: inline; margin-right: .6rem; }
  table.board td { padding: .5rem .2rem; border-bottom: 1px solid #cbd5e0; }
  table.board td.free, table.board td.closed { display: none; }
  article.session .where { display: block; color: #4a5568; }
  section.left-out ul { columns: 1; }
}
@media print {
  @page { size: A3 landscape; margin: 8mm; }
  html { font-size: var(--print-pt); }
  body { padding: 0; font-size: 1rem; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1 { font-size: 1.8em; }
  table.board th, table.board td { padding: .35em; }
  table.board th.time { width: 6em; }
  article.session h2 { font-size: 1.3em; }
  tr { break-inside: avoid; }
  section.left-out { break-inside: avoid; }
}
`;

function sessionCard(s: SessionView, w: AgendaWords): string {
  const noteTaker = s.noteTaker ? e(s.noteTaker.name) : `<em>${e(w.toBeNamed)}</em>`;
  return [
    `<article class="session" data-session="${e(s.id)}" lang="${e(s.language)}">`,
    `<h2>${e(s.title)}</h2>`,
    `<p class="where">${e(s.spaceName)} · ${e(w.seats(s.capacity))}</p>`,
    `<p><span class="tag">${e(s.language.toUpperCase())}</span>${e(s.id)}</p>`,
    `<p class="who">${e(w.facilitator)}: ${e(s.facilitator.name)}</p>`,
    `<p class="who">${e(w.noteTaker)}: ${noteTaker}</p>`,
    '</article>',
  ].join('');
}

export function boardHtml(view: AgendaView, lang: Lang): string {
  const w = AGENDA_WORDS[lang];
  const manyDates = view.dates.length > 1;
  const head = view.spaces.map((s) => `<th scope="col" data-space="${e(s.id)}">${e(s.name)}<small>${e(w.seats(s.capacity))}</small></th>`).join('');
  const rows = view.blocks.map((b) => {
    const when = manyDates ? `${b.date} ${b.time}` : b.time;
    const cells = b.cells.map((cell, i) => {
      const space = view.spaces[i]!;
      const label = `${space.name} · ${w.seats(space.capacity)}`;
      if (cell === 'closed') return `<td class="closed" data-space="${e(space.id)}">${e(w.closed)}</td>`;
      if (cell === null) return `<td class="free" data-space="${e(space.id)}">${e(w.free)}</td>`;
      return `<td data-space="${e(space.id)}" data-label="${e(label)}">${sessionCard(cell, w)}</td>`;
    });
    return `<tr data-block="${e(b.id)}"><th class="time" scope="row"><span class="block">${e(w.block)} ${e(b.id)}</span><span class="when">${e(when)}</span></th>${cells.join('')}</tr>`;
  });
  const left =
    view.leftOut.length === 0
      ? ''
      : `<section class="left-out"><h2>${e(w.notInGrid)}</h2><ul>${view.leftOut.map((p) => `<li>${e(p.title)} <small>(${e(p.id)})</small></li>`).join('')}</ul></section>`;
  return [
    '<!doctype html>',
    `<html lang="${lang}" style="--print-pt: ${printPoints(view.spaces.length, view.blocks.length)}pt">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(view.title)} — ${e(w.day)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${e(view.title)}</h1><p>${e(w.day)} · ${e(view.dates.map(w.date).join(', '))}</p></header>`,
    `<table class="board"><thead><tr><th class="time" scope="col">${e(w.block)}</th>${head}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
    left,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
