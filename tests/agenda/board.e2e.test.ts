/**
 * board.html in a real browser (Debian's chromium, driven by playwright-core,
 * launched as tests/publish/browser.test.ts does): every placed session's
 * title is visible in its block's row and under its space's heading; nothing
 * is fetched from the network; printed, the grid fills exactly one A3
 * landscape page; on a phone it folds into a list of sessions per block.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { agendaFiles, type AgendaFiles } from '../../src/cli/agenda.js';
import { writeOutputs } from '../../src/io/write.js';
import { fixture } from '../cli/run.js';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('board.html in headless Chromium', () => {
  let dir: string;
  let browser: BrowserContext;
  let page: Page;
  let day: AgendaFiles;
  let url: string;

  beforeAll(async () => {
    day = await agendaFiles(fixture('ogp-americas'), { out: 'unused', seed: '2014', timeLimit: 120, prove: 0, lang: 'es', title: 'OGP Américas 2014' });
    dir = mkdtempSync(path.join(tmpdir(), 'convene-board-'));
    await writeOutputs(path.join(dir, 'agenda'), day.files);
    url = pathToFileURL(path.join(dir, 'agenda', 'board.html')).href;
    browser = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1600, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every session is visible in its block’s row, under its space’s heading', async () => {
    const titles = new Map(day.input.proposals.map((p) => [p.id, p.title]));
    for (const slot of day.run.agenda.slots) {
      const card = page.locator(`tr[data-block="${slot.block}"] td[data-space="${slot.space}"] article[data-session="${slot.proposal}"]`);
      expect(await card.count(), slot.proposal).toBe(1);
      const title = card.locator('h2');
      expect(await title.isVisible()).toBe(true);
      expect(await title.innerText()).toBe(titles.get(slot.proposal));
      const head = await page.locator(`thead th[data-space="${slot.space}"]`).boundingBox();
      const box = await title.boundingBox();
      expect(head && box, slot.proposal).toBeTruthy();
      if (head && box) {
        expect(box.x).toBeGreaterThanOrEqual(head.x - 1);
        expect(box.x + box.width).toBeLessThanOrEqual(head.x + head.width + 1);
      }
    }
    // The afternoon-only space is marked closed in the morning blocks.
    expect(await page.locator('tr[data-block="A"] td.closed[data-space="te"]').count()).toBe(1);
  });

  test('printed, it is one A3 landscape page', async () => {
    const print = await browser.newPage();
    await print.goto(url);
    await print.emulateMedia({ media: 'print' });
    const pdf = (await print.pdf({ preferCSSPageSize: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    // A3 landscape: 420 x 297 mm = 1190.55 x 841.89 points.
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
    expect(box).not.toBeNull();
    expect(Math.round(Number(box?.[1]))).toBe(1191);
    expect(Math.round(Number(box?.[2]))).toBe(842);
    await print.close();
  });

  test('on a phone the grid folds into a list per block, every title within the screen', async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url);
    expect(await phone.locator('thead').isVisible()).toBe(false);
    let previousBottom = -1;
    for (const slot of day.run.agenda.slots) {
      const title = phone.locator(`article[data-session="${slot.proposal}"] h2`);
      expect(await title.isVisible(), slot.proposal).toBe(true);
      const box = await title.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, slot.proposal).toBe(true);
      // One column: each session below the one before it (slots come block by block).
      if (box) {
        expect(box.y).toBeGreaterThan(previousBottom - 1);
        previousBottom = box.y + box.height;
      }
      expect(await phone.locator(`article[data-session="${slot.proposal}"] .where`).isVisible()).toBe(true);
    }
    expect(await phone.locator('td.free').first().isVisible().catch(() => false)).toBe(false);
    await phone.close();
  });

  test('saves a screenshot (docs/board.png with UPDATE_SCREENSHOT=1)', async () => {
    const target = process.env['UPDATE_SCREENSHOT'] === '1' ? path.resolve('docs/board.png') : path.join(dir, 'board.png');
    // The header and the first two blocks: enough to show the board, small enough for the docs.
    const row = await page.locator('tr[data-block="B"]').boundingBox();
    const height = Math.ceil((row?.y ?? 600) + (row?.height ?? 300) + 12);
    await page.screenshot({ path: target, fullPage: true, clip: { x: 0, y: 0, width: 1600, height } });
    expect(existsSync(target)).toBe(true);
  });
});
