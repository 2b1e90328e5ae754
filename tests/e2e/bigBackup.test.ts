// End to end in Chromium: a library whose backup is bigger than Chrome's 64 MiB message limit (3,500 papers with
// 20,000-character notes) is restored, backed up and restored into a fresh profile, everything equal; each message
// of it stays bounded (backups cross in parts), and the popup lists the whole library.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './chromium.ts';

const PAPERS = 3500;
const MESSAGE_LIMIT = 64 * 1024 * 1024;

interface BackupFile {
  format: string;
  schemaVersion: number;
  tables: { savedPapers: Array<{ key: string }>; settings: Array<{ key: string }> };
}

/** A note of about 20,000 characters, different for each paper, with accents, CJK and emoji (cut points must not split them). */
function noteFor(i: number): string {
  const line = `Paper ${i}: read §3 again — café, 注意力, 😀 compare with ${i * 7}.\n`;
  return line.repeat(Math.ceil(19_900 / line.length)).slice(0, 19_900);
}

function generatedLibrary(schemaVersion: number): BackupFile {
  const savedPapers = Array.from({ length: PAPERS }, (_, i) => {
    const key = `doi:10.5555/big.${i}`;
    const title = `A study of large libraries, part ${i}`;
    return {
      key,
      title,
      authors: ['Ada Lovelace', `Author ${i}`],
      url: `https://doi.org/10.5555/big.${i}`,
      ref: { key, title, doi: `10.5555/big.${i}`, authors: ['Ada Lovelace', `Author ${i}`] },
      tags: [],
      savedAt: 1_700_000_000_000 + i,
      userTags: ['big', `t${i % 10}`],
      note: noteFor(i),
      ...(i % 3 === 0 ? { read: true } : {}),
    };
  });
  return { format: 'paperscope-backup', version: 1, schemaVersion, exportedAt: 1, tables: { savedPapers, settings: [] } } as BackupFile;
}

const byKey = <T extends { key: string }>(records: T[]) => [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
/** The user's data of saved papers: topic tags are the tagger's, worked out again when a paper is stored. */
const userData = <T extends { key: string; tags?: unknown }>(records: T[]) => byKey(records).map(({ tags: _, ...rest }) => rest);

async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(browser.pageUrl('src/ui/options/index.html'));
  return options;
}

/** Clicks Back up, waits for the result, and saves the downloaded file; returns its path. */
async function backUp(options: Page, dir: string, name: string): Promise<string> {
  const [download] = await Promise.all([options.waitForEvent('download', { timeout: 120_000 }), options.click('button[data-action=backup]')]);
  const path = join(dir, name);
  await download.saveAs(path);
  await options.locator('[data-library-status=done]').waitFor({ timeout: 120_000 });
  return path;
}

async function restore(options: Page, path: string): Promise<string> {
  await options.setInputFiles('input[data-control=restore-file]', path);
  const note = options.locator('[data-library-status=done], [data-library-status=failed]');
  await note.waitFor({ timeout: 120_000 });
  return `${await note.getAttribute('data-library-status')}: ${await note.textContent()}`;
}

describe('a backup bigger than one message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-big-backup-'));
  let browser: ExtensionBrowser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it('restores a 3,500-paper library with long notes, backs it up and restores it into a fresh profile, everything equal', { timeout: 600_000 }, async () => {
    browser = await launchWithExtension();
    let options = await openOptions(browser);
    // The database version to write into the generated backup: the one an empty backup of this build names.
    const empty = JSON.parse(readFileSync(await backUp(options, dir, 'empty.json'), 'utf8')) as BackupFile;
    const generated = generatedLibrary(empty.schemaVersion);
    const generatedPath = join(dir, 'generated.json');
    writeFileSync(generatedPath, JSON.stringify(generated));
    expect(statSync(generatedPath).size).toBeGreaterThan(MESSAGE_LIMIT);

    expect(await restore(options, generatedPath)).toMatch(/^done: Restored 3,500 saved papers/);
    const firstPath = await backUp(options, dir, 'first.json');
    expect(statSync(firstPath).size).toBeGreaterThan(MESSAGE_LIMIT);
    const first = JSON.parse(readFileSync(firstPath, 'utf8')) as BackupFile;
    expect(userData(first.tables.savedPapers)).toEqual(userData(generated.tables.savedPapers));
    await browser.close();

    // A fresh profile: restore what the first one backed up, then back it up again.
    browser = await launchWithExtension();
    options = await openOptions(browser);
    expect(await restore(options, firstPath)).toMatch(/^done: Restored 3,500 saved papers/);
    const second = JSON.parse(readFileSync(await backUp(options, dir, 'second.json'), 'utf8')) as BackupFile;
    expect(byKey(second.tables.savedPapers)).toEqual(byKey(first.tables.savedPapers));
    expect(byKey(second.tables.settings)).toEqual(byKey(first.tables.settings));

    // The popup's Saved list asks for the library in parts too (one message of it would pass the limit).
    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl('src/ui/popup/index.html'));
    await popup.click('[role=tab][data-tab=library]');
    const count = await popup.waitForSelector('[data-saved-shown]', { timeout: 120_000 });
    expect(await count.getAttribute('data-saved-shown')).toBe(String(PAPERS));
    // Drawn a part at a time: all 3,500 rows with their notes at once kept the popup blank for over a minute.
    const drawn = await popup.locator('[data-results=saved] > li').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(PAPERS);
    expect(await popup.textContent('button[data-action=show-more-saved]')).toContain(`${(PAPERS - drawn).toLocaleString('en')} not shown`);
  });
});
