// Parser for a copied "trending papers" feed page: chrome lines, "Subscribe" glued to the first title,
// then one title line and one abstract line per paper.
import type { ParsedPaper } from './types.ts';

export class FeedTextError extends Error {}

const SUBSCRIBE = 'Subscribe';

export function parseFeedText(text: string): ParsedPaper[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (lines.every((l) => l === '')) throw new FeedTextError('the file is empty');
  const start = lines.findIndex((l) => l.startsWith(SUBSCRIBE) && l.length > SUBSCRIBE.length);
  if (start < 0) {
    throw new FeedTextError(`no line starts with "${SUBSCRIBE}" followed by the first title: this is not a copied feed page`);
  }
  const body = lines.slice(start).filter((l) => l !== '');
  body[0] = body[0]!.slice(SUBSCRIBE.length).trim();
  if (body.length % 2 !== 0) {
    throw new FeedTextError(`expected a title line and an abstract line per paper, but found ${body.length} lines after the page header`);
  }
  const papers: ParsedPaper[] = [];
  for (let i = 0; i < body.length; i += 2) {
    const title = body[i]!;
    const abstract = body[i + 1]!;
    // A title never runs to paragraph length; if it does, the pairs are out of step.
    if (title.length > 400) throw new FeedTextError(`line ${start + i + 1} looks like an abstract where a title was expected`);
    papers.push({ title, abstract });
  }
  return papers;
}
