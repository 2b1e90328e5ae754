// End to end in Chromium: a nearly full disk, then a full one. The browser's profile lives on a small tmpfs (we run as
// root); the test fills it. A catalogue import is refused with the figures (or fails and says so) while the old
// catalogue keeps working; every save answered `ok` survives a browser restart, every other one answered an error;
// once space is freed, saving works again without a restart. Where mounting is not allowed, the run is skipped with a
// notice (the extension has unlimitedStorage, so a quota override would not reach it; tests/unit/fullDisk.test.ts
// injects the browser's quota errors instead).
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demoListingHtml, type DemoEntry } from '../../src/cli/demoPage.ts';
import type { Result } from '../../src/messaging/protocol.ts';
import type { SavedPaper } from '../../src/messaging/shapes.ts';
import { clickBadgeButton, launchWithExtension, readBadges, serveAt, waitForBadgeSaved, waitForBadges, type ExtensionBrowser } from './chromium.ts';

const DISK_MB = 160;
const MB = 1024 * 1024;

/** A tmpfs of `DISK_MB` for the profile, or why there is none. */
function smallDisk(): { dir: string; unmount(): void } | { notice: string } {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-small-disk-'));
  try {
    if (process.getuid?.() !== 0) throw new Error('not root');
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_MB}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { notice: `notice: the full-disk run is skipped: a tmpfs cannot be mounted here (${(error as Error).message.split('\n')[0]})` };
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const disk = smallDisk();
if ('notice' in disk) console.log(disk.notice);

const freeBytes = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

/** Fills the disk with one file until only about `leave` bytes are free (0: full, every byte). */
function fill(dir: string, leave: number): string {
  const path = join(dir, `filler-${Date.now()}`);
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(256 * 1024, 1);
  try {
    for (let size = chunk.length; size >= 512; ) {
      if (freeBytes(dir) - size < leave) {
        size >>= 1;
        continue;
      }
      try {
        writeSync(fd, chunk, 0, size);
      } catch {
        size >>= 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

/** Synthetic arXiv JSON lines: `count` papers with abstracts long enough to make a catalogue of a few MB. */
function jsonLines(count: number): string {
  const words = ['graph', 'neural', 'network', 'training', 'memory', 'attention', 'sparse', 'model', 'language', 'vision', 'robust', 'kernel', 'bound', 'proof'];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = (n: number) => Array.from({ length: n }, (_, j) => words[(i * 7 + j * 3 + (j >> 2)) % words.length]).join(' ');
    const id = `2301.${String(10000 + i)}`;
    lines.push(JSON.stringify({ id, title: `${text(8)} ${i}`, abstract: `${text(120)} ${i}`, authors: [`Author ${i}`], categories: ['cs.LG'] }));
  }
  return `${lines.join('\n')}\n`;
}

async function send<T>(page: Page, type: string, request: unknown): Promise<Result<T>> {
  return (await page.evaluate(([type, request]) => (globalThis as any).chrome.runtime.sendMessage({ type, request }), [type, request] as const)) as Result<T>;
}

const paper = (n: number) => ({ key: `arxiv:2104.0${String(7800 + n)}`, title: `Saved on a full disk ${n}`, authors: ['A. Author'], arxivId: `2104.0${String(7800 + n)}` });
const LISTING_URL = 'https://arxiv.org/list/cs.DC/new';
const entries: DemoEntry[] = [
  { arxivId: '2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning', authors: [], categories: ['cs.DC'], abstract: '' },
];

describe.skipIf('notice' in disk)('a nearly full disk in Chromium (profile on a small tmpfs)', () => {
  const { dir, unmount } = disk as { dir: string; unmount(): void };
  const profile = join(dir, 'profile');
  let browser: ExtensionBrowser | undefined;
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    unmount();
  });

  it('refuses or fails an import truthfully, answers saves truthfully, keeps every ok across a restart, and saves again once space is freed', async () => {
    browser = await launchWithExtension(profile);
    const listing = await browser.context.newPage();
    await serveAt(browser.context, LISTING_URL, demoListingHtml(entries));
    await listing.goto(LISTING_URL);
    await waitForBadges(listing, 1);
    await clickBadgeButton(listing, 'arxiv:2104.07857', 'save');
    await waitForBadgeSaved(listing, 'arxiv:2104.07857', true);
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.waitForSelector('[data-field=paperCount]');
    expect(await options.textContent('[data-field=paperCount]')).toBe('63');
    // The library has a store of its own (a storage bucket), apart from the catalogue's.
    expect(await options.evaluate(() => (navigator as any).storageBuckets.keys())).toContain('user');

    // Nearly full: 3 MB left. A catalogue of several MB cannot fit.
    const catalogueFile = join(mkdtempSync(join(tmpdir(), 'paperscope-full-disk-')), 'big.jsonl');
    writeFileSync(catalogueFile, jsonLines(12_000));
    const nearlyFull = fill(dir, 3 * MB);
    const figures = await options.evaluate(() => navigator.storage.estimate());
    console.log(`disk: ${(freeBytes(dir) / MB).toFixed(1)} MB free; the browser says ${((figures.quota! - figures.usage!) / MB).toFixed(1)} MB free`);
    await options.setInputFiles('input[data-control=catalogue-file]', catalogueFile);
    await options.check('input[name=import-mode][value=replace]');
    await options.click('button[data-action=import]');
    const outcome = await options.waitForSelector('[data-import-status=failed], [data-import-status=done]', { timeout: 120_000 });
    const said = (await outcome.textContent()) ?? '';
    console.log(`import on a nearly full disk: ${said}`);
    expect(await outcome.getAttribute('data-import-status')).toBe('failed');
    expect(said).toMatch(/needs about [\d.]+ MB of disk space and only [\d.]+ MB is free|not enough free disk space/);
    expect(said).toMatch(/your current catalogue and saved papers are unchanged/);
    // …and it is: the options page and the listing still use the bundled catalogue.
    await options.reload();
    await options.waitForSelector('[data-field=paperCount]');
    expect(await options.textContent('[data-field=paperCount]')).toBe('63');
    await listing.reload();
    await waitForBadges(listing, 1);
    expect((await readBadges(listing))[0]).toMatchObject({ inCatalogue: 'true', saved: 'true' });

    // Full: every byte taken. Each save answers ok (and must then survive) or an error in words.
    const full = fill(dir, 0);
    const answers: Array<{ n: number; ok: boolean; error?: string }> = [];
    for (let n = 1; n <= 6; n++) {
      const result = await send(options, 'setSaved', { paper: paper(n), saved: true });
      answers.push({ n, ok: result.ok, ...(result.ok ? {} : { error: result.error }) });
    }
    console.log(`saves on a full disk: ${answers.map((a) => (a.ok ? 'ok' : a.error)).join(' | ')}`);
    for (const a of answers) if (!a.ok) expect(a.error).toMatch(/disk is nearly full \(only [\d.]+ MB free\)|not enough free disk space|could not read or write Paperscope's data/);

    // Space back, no restart: saving works again.
    unlinkSync(full);
    unlinkSync(nearlyFull);
    const after = await send(options, 'setSaved', { paper: paper(9), saved: true });
    expect(after).toEqual({ ok: true, value: { key: paper(9).key, saved: true } });

    // A restart: every save that answered ok is there, and so is the library from before.
    await browser.close();
    browser = await launchWithExtension(profile);
    const again = await browser.context.newPage();
    await again.goto(browser.pageUrl('src/ui/options/index.html'));
    const listed = await send<SavedPaper[]>(again, 'listSaved', {});
    expect(listed.ok).toBe(true);
    const keys = (listed as { value: SavedPaper[] }).value.map((p) => p.key);
    const expected = ['arxiv:2104.07857', paper(9).key, ...answers.filter((a) => a.ok).map((a) => paper(a.n).key)];
    expect(keys.filter((k) => expected.includes(k)).sort()).toEqual(expected.sort());
    // A save answered with an error was not made.
    for (const a of answers.filter((x) => !x.ok)) expect(keys).not.toContain(paper(a.n).key);
    await again.waitForSelector('[data-field=paperCount]');
    expect(await again.textContent('[data-field=paperCount]')).toBe('63');
  });
});
