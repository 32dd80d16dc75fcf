/** The agenda's only stylesheet, inlined so index.html works offline and from a USB stick. */
import { TRACK_COLORS } from './frab.js';

export const AGENDA_CSS = `
:root { --plenary: ${TRACK_COLORS.plenary}; --lightning: ${TRACK_COLORS.lightning}; --workshop: ${TRACK_COLORS.workshop};
  --ink: #1a202c; --muted: #4a5568; --line: #cbd5e0; --break: #edf2f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header.site { padding: 1rem 1rem .5rem; border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
.zone { margin: 0 0 .5rem; color: var(--muted); font-size: .9rem; }
nav.days { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
nav.days a { padding: .3rem .7rem; border: 1px solid var(--line); border-radius: 999px; color: inherit; text-decoration: none; }
ul.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; list-style: none; margin: .5rem 0 0; padding: 0; font-size: .85rem; }
ul.legend li::before { content: ""; display: inline-block; width: .8rem; height: .8rem; margin-right: .35rem; vertical-align: -.1rem; border-radius: 2px; background: var(--swatch); }
ul.legend .plenary { --swatch: var(--plenary); } ul.legend .lightning { --swatch: var(--lightning); } ul.legend .workshop { --swatch: var(--workshop); }
section.day { padding: 1rem; }
section.day h2 { margin: 0 0 .75rem; font-size: 1.25rem; }
.grid-wrap { overflow-x: auto; }
table.grid { border-collapse: collapse; width: 100%; table-layout: fixed; min-width: 48rem; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: .35rem; vertical-align: top; text-align: left; }
table.grid thead th { background: #f7fafc; position: sticky; top: 0; font-size: .9rem; }
table.grid thead th small { display: block; font-weight: normal; color: var(--muted); }
table.grid th.time { width: 6.5rem; font-size: .85rem; }
table.grid th.time small { display: block; font-weight: normal; color: var(--muted); }
tr.break th, tr.break td { background: var(--break); color: var(--muted); font-style: italic; }
article.item { margin: 0 0 .35rem; padding: .3rem .45rem; border-left: 5px solid var(--track); background: var(--tint); border-radius: 3px; break-inside: avoid; }
article.item:last-child { margin-bottom: 0; }
article.plenary { --track: var(--plenary); --tint: #ebf4ff; }
article.lightning { --track: var(--lightning); --tint: #fffaf0; border-left-style: dotted; padding: .2rem .4rem; }
article.item.lightning h3 { font-size: .82rem; font-weight: 600; }
p.group { margin: .3rem 0 .15rem; font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; color: #555; }
section.countries ol { columns: 2 18rem; padding-left: 1.2rem; }
section.countries li { break-inside: avoid; margin-bottom: .3rem; }
article.item.lightning .who { font-size: .75rem; }
article.item.lightning .tag.format { display: none; }
article.workshop { --track: var(--workshop); --tint: #f0fff4; border-left-width: 8px; }
article.item h3 { margin: 0; font-size: .95rem; }
article.item .when { margin: 0; font-size: .8rem; font-variant-numeric: tabular-nums; color: var(--muted); }
article.item .who { margin: .1rem 0 0; font-size: .8rem; }
.tags { margin: .2rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem; font-size: .72rem; }
.tag { padding: 0 .35rem; border: 1px solid currentColor; border-radius: 3px; }
.tag.format { color: var(--track); font-weight: 600; }
.tag.interp { background: #2d3748; color: #fff; border-color: #2d3748; }
.tag.level { font-weight: 600; }
@media (max-width: 700px) {
  table.grid { min-width: 0; }
  table.grid, table.grid thead, table.grid tbody, table.grid tr, table.grid th, table.grid td { display: block; width: auto; }
  table.grid thead { display: none; }
  table.grid th.time { width: auto; }
  table.grid th.time small { display: inline; margin-left: .4rem; }
  table.grid tr { margin-bottom: .5rem; }
  table.grid td.empty { display: none; }
  table.grid td[data-label]::before { content: attr(data-label); display: block; font-size: .75rem; font-weight: 600; color: var(--muted); }
}
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { font-size: 8pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav.days { display: none; }
  header.site { padding: 0 0 2mm; }
  section.day { padding: 0; break-before: page; }
  section.day:first-of-type { break-before: auto; }
  .grid-wrap { overflow: visible; }
  table.grid { min-width: 0; }
  table.grid thead { display: table-header-group; }
  table.grid thead th { position: static; }
  tr { break-inside: avoid; }
}
`;
