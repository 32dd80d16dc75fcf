/**
 * speakers/<id>.md (each speaker's own timetable) and rooms/<id>.md (the door
 * sheet: one table per day of what happens in that room). Markdown, so they
 * print cleanly and paste into an e-mail or a wiki.
 */
import { formatTime } from '../../domain/time.js';
import type { Room, Speaker } from '../../domain/types.js';
import type { PlacedItem } from '../placements.js';
import { inlineText, tableRow } from '../text.js';
import { placementsOfSpeaker, programDates, speakerNames, type PublishContext } from './context.js';
import { languageName, longDate } from './labels.js';
import { stemOf } from './names.js';

export function speakerSheet(ctx: PublishContext, s: Speaker): string {
  const l = ctx.labels;
  const list = placementsOfSpeaker(ctx, s.id);
  const lines = [
    `# ${inlineText(s.name)}`,
    '',
    `${l.speakerSheet} · ${inlineText(ctx.options.title)} · ${inlineText(l.timesIn(ctx.options.zone))}`,
    '',
    `- ${l.organization}: ${inlineText(s.organization)}`,
    `- ${l.country}: ${inlineText(s.country)}`,
    `- ${l.spoken}: ${s.languages.map((c) => languageName(l, c)).join(', ')}`,
    '',
  ];
  if (list.length === 0) {
    lines.push(l.nothing);
  } else {
    lines.push(
      tableRow([l.date, l.time, l.room, l.title, l.speakers]),
      tableRow(['---', '---', '---', '---', '---']),
      ...list.map(({ assignment: a, item, room }) =>
        tableRow([
          a.date,
          `${formatTime(a.start)}–${formatTime(a.end)}`,
          inlineText(room.name),
          `**${inlineText(item.id)}** ${inlineText(item.title)} (${inlineText(l.format[item.format])})`,
          inlineText(speakerNames(ctx, item).join(', ')),
        ]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function roomSheet(ctx: PublishContext, r: Room): string {
  const l = ctx.labels;
  const here = ctx.all.filter((p) => p.room.id === r.id);
  const facts = [`${l.capacity}: ${r.capacity}`, ...(r.interpretation ? [l.interpretation] : [])].join(' · ');
  const lines = [`# ${inlineText(r.name)} (${inlineText(r.id)})`, '', `${l.doorSheet} · ${inlineText(ctx.options.title)} · ${facts}`, ''];
  const dates = programDates(ctx).filter((d) => here.some((p) => p.assignment.date === d));
  if (dates.length === 0) lines.push(l.nothing, '');
  for (const date of dates) {
    lines.push(
      `## ${inlineText(longDate(l, date))}`,
      '',
      tableRow([l.time, l.title, l.speakers, l.language, l.audience]),
      tableRow(['---', '---', '---', '---', '---:']),
      ...here.filter((p) => p.assignment.date === date).map((p) => roomRow(ctx, p)),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function roomRow(ctx: PublishContext, { assignment: a, item, room }: PlacedItem): string {
  const l = ctx.labels;
  const level = item.level ? ` · ${l.level[item.level]}` : '';
  const lang = languageName(l, item.language) + (room.interpretation ? ` (${l.interpretation})` : '');
  return tableRow([
    `${formatTime(a.start)}–${formatTime(a.end)}`,
    `**${inlineText(item.id)}** ${inlineText(item.title)} (${inlineText(l.format[item.format])}${inlineText(level)})`,
    inlineText(speakerNames(ctx, item).join(', ')),
    inlineText(lang),
    item.audience === null ? '' : String(item.audience),
  ]);
}

/** speakers/<stem>.md for every speaker and rooms/<stem>.md for every room. */
export function sheetFiles(ctx: PublishContext): Readonly<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const s of ctx.event.speakers) files[`speakers/${stemOf(ctx.speakerStems, s.id)}.md`] = speakerSheet(ctx, s);
  for (const r of ctx.event.rooms) files[`rooms/${stemOf(ctx.roomStems, r.id)}.md`] = roomSheet(ctx, r);
  return files;
}
