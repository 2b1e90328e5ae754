// Benchmark: the seen store in real Chromium. Recording cost per paper with 0 and 200,000 papers already stored, and a
// 2,000-row listing's time with remembering on and off (paused), same run, medians; each load shows papers never seen.
import { existsSync } from 'node:fs';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import { askWorker, launchWithExtension, serveAt, type ExtensionBrowser } from '../e2e/chromium.ts';
import { DATA, FEED_URL, firstEntries, measure, ROWS } from './feed.ts';
import { median, table } from './machine.ts';

const STORED = 200_000;

/** Fills the user database (in its storage bucket) with `count` seen papers the way the store keeps them, in the worker. */
async function fillSeen(browser: ExtensionBrowser, count: number): Promise<void> {
  const worker = browser.context.serviceWorkers().at(-1) ?? browser.worker;
  await worker.evaluate(async (count) => {
    const bucket = await (navigator as any).storageBuckets.open('user', { durability: 'strict', persisted: true });
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = bucket.indexedDB.open('paperscope-user');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const abstract = 'We study a family of models on a benchmark and report results across several settings. '.repeat(8);
    const now = Date.now() - 86_400_000;
    for (let from = 0; from < count; from += 10_000) {
      await new Promise<void>((resolve, reject) => {
        // The store as it keeps papers: each record, and each of its keys to it (the key table answers pages; a build
        // from before it, measured with PAPERSCOPE_DIST, has none).
        const withKeyTable = db.objectStoreNames.contains('seenKeys');
        const tx = db.transaction(withKeyTable ? ['seenPapers', 'seenKeys'] : ['seenPapers'], 'readwrite');
        const store = tx.objectStore('seenPapers');
        const keyTable = withKeyTable ? tx.objectStore('seenKeys') : undefined;
        for (let i = from; i < Math.min(count, from + 10_000); i++) {
          const title = `Stored paper number ${i} on learning with many models`;
          const keys = [`arxiv:9${String(i).padStart(8, '0')}`, `title:stored paper number ${i} on learning with many models`];
          const put = store.put({
            key: keys[0],
            keys,
            title,
            authors: ['A. Author', 'B. Author'],
            abstract,
            categories: ['cs.LG'],
            firstSeenAt: now + i,
            lastSeenAt: now + i,
            timesSeen: 1,
            sightings: [{ site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new', pageKind: 'listing', firstSeenAt: now + i, lastSeenAt: now + i, count: 1 }],
          });
          put.onsuccess = () => {
            for (const key of keys) keyTable?.put({ key, id: put.result, firstSeenAt: now + i });
          };
        }
        // The key filter, when this build has one, is built again from the keys on the worker's next read.
        if (db.objectStoreNames.contains('seenFilter')) db.transaction('seenFilter', 'readwrite').objectStore('seenFilter').delete('keys');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, count);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export async function benchSeen(runs: number): Promise<string> {
  if (!existsSync(DATA)) return 'seen: skipped (../shared/data/arxiv-before-2026.jsonl.gz is absent)';
  // A fresh listing for every load: (a warm-up and `runs`) × on and off × two store sizes.
  const loads = (runs + 1) * 2 * 2;
  const entries = firstEntries(ROWS * loads);
  if (entries.length < ROWS * loads) return `seen: skipped (the data set has ${entries.length} papers, ${ROWS * loads} needed)`;
  let next = 0;
  const browser = await launchWithExtension();
  const rows: Array<Record<string, string>> = [];
  try {
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    // The cap must not evict the 200,000 papers this benchmark stores.
    await askWorker(options, 'setSeenSettings', { cap: 500_000 });
    for (const stored of [0, STORED]) {
      if (stored > 0) await fillSeen(browser, stored - (await askWorker(options, 'seenStatus', { recent: 0 })).count);
      const samples: Record<'on' | 'off', { doneMs: number[]; workerMs: number[]; recordMs: number[]; lookupMs: number[]; writesDuring: number[] }> = {
        on: { doneMs: [], workerMs: [], recordMs: [], lookupMs: [], writesDuring: [] },
        off: { doneMs: [], workerMs: [], recordMs: [], lookupMs: [], writesDuring: [] },
      };
      for (let r = 0; r <= runs; r++) {
        for (const mode of ['on', 'off'] as const) {
          await askWorker(options, 'setSeenSettings', { paused: mode === 'off' });
          const worker = browser.context.serviceWorkers().at(-1) ?? browser.worker;
          await worker.evaluate(() => {
            performance.clearMeasures('paperscope:recordSeen');
            performance.clearMeasures('paperscope:seenLookup');
          });
          await serveAt(browser.context, FEED_URL, demoListingHtml(entries.slice(next, next + ROWS)));
          next += ROWS;
          const sample = await measure(browser, FEED_URL, true);
          const lookupMs = sum(await worker.evaluate(() => performance.getEntriesByName('paperscope:seenLookup').map((m) => m.duration)));
          // Writes that began before the page's last lookup ended: the page's reads could queue behind them.
          const writesDuring = await worker.evaluate(() => {
            const lastLookup = Math.max(0, ...performance.getEntriesByName('paperscope:seenLookup').map((m) => m.startTime + m.duration));
            return performance.getEntriesByName('paperscope:recordSeen').filter((m) => m.startTime < lastLookup).length;
          });
          // Wait for the writes, then read their time.
          await askWorker(options, 'seenStatus', { recent: 0 });
          const recordMs = sum(await worker.evaluate(() => performance.getEntriesByName('paperscope:recordSeen').map((m) => m.duration)));
          if (r === 0) continue; // the warm-up is not counted
          samples[mode].doneMs.push(sample.doneMs);
          samples[mode].workerMs.push(sample.workerMs ?? Number.NaN);
          samples[mode].recordMs.push(recordMs);
          samples[mode].lookupMs.push(lookupMs);
          samples[mode].writesDuring.push(writesDuring);
        }
      }
      const fmt = (x: number) => x.toFixed(1);
      const { on, off } = samples;
      rows.push(
        { stored: stored.toLocaleString('en'), measure: 'recording, per paper (ms, in the worker, after the answer)', on: (median(on.recordMs) / ROWS).toFixed(3), off: '—' },
        { stored: '', measure: `matchRows in the worker, ${ROWS} rows (ms, sum of parts)`, on: fmt(median(on.workerMs)), off: fmt(median(off.workerMs)) },
        { stored: '', measure: 'of which first-seen lookups (ms, sum of parts)', on: fmt(median(on.lookupMs)), off: '—' },
        { stored: '', measure: 'writes begun while the page was still asking (per load)', on: on.writesDuring.join(', '), off: '—' },
        { stored: '', measure: `DOMContentLoaded → ${ROWS} badges done (ms)`, on: fmt(median(on.doneMs)), off: fmt(median(off.doneMs)) },
      );
    }
  } finally {
    await browser.close();
  }
  return `seen: the seen store (Chromium, ${ROWS}-row listings of papers never seen; remembering on vs paused, medians of ${runs})\n${table(rows)}`;
}
