// Issue 16's budget: what every site's content script carries besides its adapter stays within 15 KB gzipped.
import { describe, expect, it } from 'vitest';
import { sharedContentScriptSize } from '../contentScriptSize.ts';

// 15 KB read as 15,000 bytes (the stricter reading).
const BUDGET_GZIP = 15_000;

describe('the content script every site shares', () => {
  it(`is within ${BUDGET_GZIP} bytes gzipped before its adapter, built as the extension builds it`, async () => {
    const size = await sharedContentScriptSize();
    expect(size.gzip).toBeLessThanOrEqual(BUDGET_GZIP);
    // Built at all: the badges, the feed bar, the fallback reader and the messaging are in it.
    expect(size.bytes).toBeGreaterThan(20_000);
  }, 60_000);
});
