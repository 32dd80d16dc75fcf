/** agenda.md: the grid as printable Markdown, one table per block. */
import type { Lang } from '../publish/labels.js';
import { inlineText, tableRow } from '../text.js';
import type { AgendaView } from './view.js';
import { AGENDA_WORDS } from './words.js';

export function agendaMarkdown(view: AgendaView, lang: Lang): string {
  const w = AGENDA_WORDS[lang];
  const lines = [`# ${inlineText(view.title)}`, '', `${w.day} · ${view.dates.map(w.date).join(', ')}`, ''];
  for (const b of view.blocks) {
    lines.push(`## ${w.block} ${inlineText(b.id)} · ${view.dates.length > 1 ? `${b.date} ` : ''}${b.time}`, '');
    lines.push(tableRow([w.space, w.session, w.language, w.facilitator, w.noteTaker]), tableRow(['---', '---', '---', '---', '---']));
    b.cells.forEach((cell, i) => {
      if (cell === null || cell === 'closed') return;
      const space = view.spaces[i]!;
      lines.push(
        tableRow([
          `${inlineText(space.name)} (${w.seats(space.capacity)})`,
          `**${inlineText(cell.title)}** (${inlineText(cell.id)})`,
          inlineText(cell.language),
          inlineText(cell.facilitator.name),
          cell.noteTaker ? inlineText(cell.noteTaker.name) : `_${w.toBeNamed}_`,
        ]),
      );
    });
    lines.push('');
  }
  if (view.leftOut.length > 0) {
    lines.push(`## ${w.notInGrid}`, '');
    for (const p of view.leftOut) lines.push(`- ${inlineText(p.title)} (${inlineText(p.id)})`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
