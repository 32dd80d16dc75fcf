/**
 * index.html in a real browser: Debian's chromium, driven by playwright-core.
 * Every placed item's title must be visible inside its day's section and
 * inside its room's column. The screenshot goes to a temp folder, or to
 * docs/agenda.png (the README's picture) when UPDATE_SCREENSHOT=1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Event, Schedule } from '../../src/domain/types.js';
import { writeOutputs } from '../../src/io/write.js';
import { publishFiles } from '../../src/render/publish/index.js';
import { ogp, OPTIONS } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const slow = { timeout: 120_000 };

describe.skipIf(!existsSync(CHROMIUM))('index.html in headless Chromium', () => {
  let dir: string;
  let browser: BrowserContext;
  let page: Page;
  let event: Event;
  let schedule: Schedule;

  beforeAll(async () => {
    ({ event, schedule } = await ogp());
    dir = mkdtempSync(path.join(tmpdir(), 'convene-publish-'));
    await writeOutputs(path.join(dir, 'site'), publishFiles(event, schedule, OPTIONS));
    // A fresh profile per run; playwright takes it as launchPersistentContext's first argument (it refuses --user-data-dir).
    browser = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    // The page must need nothing from the network: any request but the file itself fails the test.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(path.join(dir, 'site', 'index.html')).href);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every item’s title is visible under its day and in its room’s column', slow, async () => {
    for (const a of schedule) {
      const item = event.items.find((i) => i.id === a.item);
      const section = page.locator(`section.day[data-date="${a.date}"]`);
      const card = section.locator(`td[data-room="${a.room}"] article[data-item="${a.item}"]`);
      await expect.poll(() => card.count(), { message: a.item }).toBe(1);
      const title = card.locator('h3');
      expect(await title.isVisible(), a.item).toBe(true);
      expect(await title.innerText()).toBe(item?.title);
      // The cell sits under its room's heading, not merely in a cell tagged with the id.
      const head = await section.locator(`thead th[data-room="${a.room}"]`).boundingBox();
      const box = await title.boundingBox();
      expect(head && box, a.item).toBeTruthy();
      if (head && box) {
        expect(box.x, a.item).toBeGreaterThanOrEqual(head.x - 1);
        expect(box.x + box.width, a.item).toBeLessThanOrEqual(head.x + head.width + 1);
      }
    }
  });

  test('breaks are shown as rows of their own', async () => {
    const breaks = event.calendar.filter((w) => w.kind === 'break');
    await expect.poll(() => page.locator('tr.break').count()).toBe(breaks.length);
    expect(await page.locator('tr.break').first().isVisible()).toBe(true);
  });

  test('on a phone the grid folds into a list and titles stay visible', async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(pathToFileURL(path.join(dir, 'site', 'index.html')).href);
    const first = schedule[0];
    const title = phone.locator(`article[data-item="${first?.item}"] h3`);
    expect(await title.isVisible()).toBe(true);
    const box = await title.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await phone.close();
  });

  test('prints on A4: the day links are hidden and each day starts a page', async () => {
    const print = await browser.newPage();
    await print.goto(pathToFileURL(path.join(dir, 'site', 'index.html')).href);
    await print.emulateMedia({ media: 'print' });
    expect(await print.locator('nav.days').isVisible()).toBe(false);
    const breaks = await print.locator('section.day').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(breaks).toEqual(['auto', 'page']);
    const pdf = await print.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await print.close();
  });

  test('saves a screenshot (docs/agenda.png with UPDATE_SCREENSHOT=1)', async () => {
    const target =
      process.env['UPDATE_SCREENSHOT'] === '1' ? path.resolve('docs/agenda.png') : path.join(dir, 'agenda.png');
    // From the top down to the first workshop, so the picture shows all three tracks and a break.
    const workshop = await page.locator('article.workshop').first().boundingBox();
    const height = Math.min(2400, Math.max(900, Math.ceil((workshop?.y ?? 0) + (workshop?.height ?? 0) + 24)));
    await page.screenshot({ path: target, fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
    expect(existsSync(target)).toBe(true);
  });
});
