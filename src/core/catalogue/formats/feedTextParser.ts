// The copied-feed-page text format (feedText.ts) behind the line-fed RecordParser interface, with each paper's line.
import { FeedTextError, parseFeedText } from './feedText.ts';
import type { ParsedRecord, RecordParser } from './types.ts';

const SUBSCRIBE = 'Subscribe';

/** 1-based line of each paper's title, laid out as parseFeedText reads the page (title and abstract lines, blanks skipped). */
function titleLines(lines: string[]): number[] {
  const trimmed = lines.map((l) => l.trim());
  const start = trimmed.findIndex((l) => l.startsWith(SUBSCRIBE) && l.length > SUBSCRIBE.length);
  if (start < 0) return [];
  const nonBlank: number[] = [];
  for (let i = start; i < trimmed.length; i++) if (trimmed[i] !== '') nonBlank.push(i + 1);
  return nonBlank.filter((_, i) => i % 2 === 0);
}

/** Buffers the page and parses it at `end()`; a page that is not a feed page gives one rejection saying why. */
export function createFeedTextParser(): RecordParser {
  let lines: string[] = [];
  return {
    push(line: string): ParsedRecord[] {
      lines.push(line);
      return [];
    },
    end(): ParsedRecord[] {
      const all = lines;
      lines = [];
      try {
        const papers = parseFeedText(all.join('\n'));
        const at = titleLines(all);
        return papers.map((paper, i) => ({ ok: true, paper, line: at[i] ?? 1 }));
      } catch (err) {
        if (err instanceof FeedTextError) return [{ ok: false, line: 1, reason: err.message }];
        throw err;
      }
    },
  };
}
