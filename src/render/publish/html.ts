/**
 * index.html: the program for attendees. One file, inline CSS, no script and
 * no network. A section per day; rooms are columns and calendar windows are
 * rows (a break is a full-width row), and each cell lists the items that start
 * in that window with their own times. On a phone the table folds into a list;
 * printed, each day is one A4 landscape page run.
 */
import { formatTime } from '../../domain/time.js';
import type { Minutes, Room, Window, WindowKind } from '../../domain/types.js';
import { FORMATS, isProgram } from '../../domain/types.js';
import { countryKey, isRegionalCountry } from '../../domain/countries.js';
import { compareRoomsForGrid } from '../order.js';
import type { PlacedItem } from '../placements.js';
import { programDates, speakerNames, type PublishContext } from './context.js';
import { escapeHtml as e } from './escape.js';
import { languageName, longDate } from './labels.js';
import { AGENDA_CSS } from './style.js';
import { compareText } from '../../domain/compare.js';

export function agendaHtml(ctx: PublishContext): string {
  const { labels, options } = ctx;
  const dates = programDates(ctx);
  const nav = dates.map((d) => `<a href="#day-${e(d)}">${e(longDate(labels, d))}</a>`).join('');
  const legend = FORMATS.map(
    (f) => `<li class="${f}">${e(labels.format[f])} <small>(${e(labels.formatWhere[f])})</small></li>`,
  ).join('');
  return [
    '<!doctype html>',
    `<html lang="${options.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(options.title)} — ${e(labels.program)}</title>`,
    `<style>${AGENDA_CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="site">',
    `<h1>${e(options.title)}</h1>`,
    `<p class="zone">${e(labels.timesIn(options.zone))}</p>`,
    `<nav class="days" aria-label="${e(labels.days)}">${nav}</nav>`,
    `<ul class="legend" aria-label="${e(labels.tracks)}">${legend}</ul>`,
    '</header>',
    '<main>',
    ...dates.map((d) => daySection(ctx, d)),
    ...countrySection(ctx),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A row of the day grid: a calendar window, or a start time no window holds (never in a checked schedule). */
type Row = {
  readonly start: Minutes;
  readonly end: Minutes;
  readonly label: string;
  readonly kind: WindowKind;
  /** Placements starting in this row, in program order (filled while building). */
  readonly items: PlacedItem[];
};

function daySection(ctx: PublishContext, date: string): string {
  const { labels } = ctx;
  const day = ctx.all.filter((p) => p.assignment.date === date);
  const rooms = [...new Map(day.map((p) => [p.room.id, p.room] as const)).values()].sort(compareRoomsForGrid);
  const head = `<section class="day" id="day-${e(date)}" data-date="${e(date)}">\n<h2>${e(longDate(labels, date))}</h2>`;
  if (rooms.length === 0) return `${head}\n<p>${e(labels.nothing)}</p>\n</section>`;

  const rows = gridRows(ctx.event.calendar.filter((w) => w.date === date), day);
  const thead = `<thead><tr><th class="time" scope="col">${e(labels.time)}</th>${rooms.map((r) => roomHeader(ctx, r)).join('')}</tr></thead>`;
  const body = rows.map((row) => {
    const time = `${formatTime(row.start)}–${formatTime(row.end)}`;
    if (row.kind === 'break') {
      return `<tr class="break"><th class="time" scope="row">${time}</th><td colspan="${rooms.length}">${e(row.label || labels.break)}</td></tr>`;
    }
    const cells = rooms.map((r) => {
      const here = row.items.filter((p) => p.room.id === r.id);
      const cls = here.length === 0 ? ' class="empty"' : '';
      return `<td data-room="${e(r.id)}" data-label="${e(r.name)}"${cls}>${withGroups(ctx, here)}</td>`;
    });
    const label = row.label ? `<small>${e(row.label)}</small>` : '';
    return `<tr class="window"><th class="time" scope="row">${time}${label}</th>${cells.join('')}</tr>`;
  });
  return `${head}\n<div class="grid-wrap"><table class="grid">\n${thead}\n<tbody>\n${body.join('\n')}\n</tbody></table></div>\n</section>`;
}

function roomHeader(ctx: PublishContext, r: Room): string {
  const l = ctx.labels;
  const extra = [`${l.capacity} ${r.capacity}`, ...(r.interpretation ? [l.interpretation] : [])].join(' · ');
  return `<th scope="col" data-room="${e(r.id)}" class="kind-${e(r.kind.replace(/[^A-Za-z0-9_-]/g, '_'))}">${e(r.name)}<small>${e(extra)}</small></th>`;
}

/**
 * The day's windows in time order, each program window holding the items
 * that start inside it (the first such window, should a hand-made calendar
 * overlap). An item no program window holds gets a row of its own start time,
 * so nothing is ever dropped from the page.
 */
function gridRows(windows: readonly Window[], day: readonly PlacedItem[]): readonly Row[] {
  const rows: Row[] = [...windows]
    .sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.kind, b.kind) || compareText(a.label, b.label))
    .map((w) => ({ start: w.start, end: w.end, label: w.label, kind: w.kind, items: [] }));
  for (const p of day) {
    const a = p.assignment;
    let row = rows.find((r) => isProgram(r) && r.start <= a.start && a.start < r.end);
    if (!row) {
      row = rows.find((r) => isProgram(r) && r.label === '' && r.start === a.start);
      if (!row) {
        row = { start: a.start, end: a.end, label: '', kind: 'program', items: [] };
        rows.push(row);
      }
    }
    row.items.push(p);
  }
  return rows.sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.kind, b.kind));
}

/**
 * The items of one cell; with members.csv, each run of a country's
 * lightning talks (or of the regional initiatives) under its name.
 */
function withGroups(ctx: PublishContext, here: readonly PlacedItem[]): string {
  if (ctx.event.members.length === 0) return here.map((p) => itemCard(ctx, p)).join('');
  let last: string | null = null;
  return here
    .map((p) => {
      const group = p.item.format === 'lightning' ? groupName(ctx, p.item.country) : null;
      const head = group !== null && group !== last ? `<p class="group">${e(group)}</p>` : '';
      last = group;
      return head + itemCard(ctx, p);
    })
    .join('');
}

/** A lightning talk's group: its member country's name, the regional initiatives, or the country as written. */
function groupName(ctx: PublishContext, country: string): string {
  if (isRegionalCountry(country)) return ctx.labels.regional;
  return ctx.event.members.find((m) => countryKey(m.country) === countryKey(country))?.name ?? country.trim();
}

/** With members.csv: every member country's lightning talks, in that file's order, then the regional initiatives. */
function countrySection(ctx: PublishContext): readonly string[] {
  const members = ctx.event.members;
  if (members.length === 0) return [];
  const talks = ctx.all.filter((p) => p.item.format === 'lightning');
  const entry = (name: string, list: readonly PlacedItem[]) =>
    `<li><strong>${e(name)}</strong>${list.length === 0 ? ' —' : `<ul>${list.map((p) => `<li><a href="#${e(ctx.anchors.get(p.item.id) ?? '')}">${e(formatTime(p.assignment.start))} ${e(p.item.title)}</a></li>`).join('')}</ul>`}</li>`;
  const rows = [
    ...members.map((m) => entry(m.name, talks.filter((p) => !isRegionalCountry(p.item.country) && countryKey(p.item.country) === countryKey(m.country)))),
    entry(ctx.labels.regional, talks.filter((p) => isRegionalCountry(p.item.country))),
  ];
  return [`<section class="countries" id="countries"><h2>${e(ctx.labels.byCountry)}</h2><ol>${rows.join('')}</ol></section>`];
}

function itemCard(ctx: PublishContext, p: PlacedItem): string {
  const { assignment: a, item, room } = p;
  const l = ctx.labels;
  const tags = [
    `<span class="tag format">${e(l.format[item.format])}</span>`,
    ...(item.language !== '' ? [`<span class="tag lang" title="${e(l.language)}">${e(languageName(l, item.language))}</span>`] : []),
    ...(item.level ? [`<span class="tag level" title="${e(l.levelLabel)}">${e(l.level[item.level])}</span>`] : []),
    ...(room.interpretation ? [`<span class="tag interp">${e(l.interpretation)}</span>`] : []),
  ];
  return (
    `<article class="item ${item.format}" id="${e(ctx.anchors.get(item.id) ?? '')}" data-item="${e(item.id)}">` +
    `<p class="when">${formatTime(a.start)}–${formatTime(a.end)}</p>` +
    `<h3>${e(item.title)}</h3>` +
    (item.speakers.length > 0 ? `<p class="who">${e(speakerNames(ctx, item).join(', '))}</p>` : '') +
    `<p class="tags">${tags.join('')}</p>` +
    '</article>'
  );
}
