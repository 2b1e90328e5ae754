// The catalogue's sections made from the papers' own text (keys, DOIs, PubMed ids, titles and authors, abstracts),
// apart from the ones made from their words (vocabulary, vectors): the two need nothing from each other, so a large
// build can make these in another thread while it learns the vocabulary.
import type { CatalogueView } from './artifact.ts';
import { buildLineTable, keyCheck, lineOffsets } from './lineIndex.ts';
import { ByteWriter, encodeLines, LineWriter, type SectionData } from './packed.ts';
import type { PaperRecords } from './paperRecords.ts';
import { TextEncoderOf, TextWordCounts } from './textCoding.ts';
import { normalizeTitle } from '../identity/titles.ts';

export interface PaperTextSections {
  /** Key and DOI tables, key checks, and PubMed ids when any paper has one: in the catalogue's order. */
  lookups: Array<[string, SectionData]>;
  normTitlesTable: SectionData;
  /** The dictionary of title and author words, encoded (`words`), and how many it holds. */
  words: Uint8Array;
  wordCount: number;
  texts: Uint8Array;
  textOffsets: Uint32Array;
  /** Only when the catalogue keeps abstracts. */
  abstracts?: Uint8Array;
  /** Papers of the catalogue below (a layer's) that these replace, ascending. */
  replaced: Uint32Array;
  /** Whether any paper has a PubMed id (then `lookups` holds the pmids sections). */
  hasPmids: boolean;
}

/** Every section a paper's text gives, reading the papers twice: their lines and title and author words, then their text records. */
export function paperTextSections(papers: PaperRecords, options: { withAbstracts: boolean; below?: CatalogueView }): PaperTextSections {
  const n = papers.size;
  const { below } = options;
  const keyLines = new LineWriter();
  const doiLines = new LineWriter();
  const pmidLines = new LineWriter();
  const normTitleLines = new LineWriter();
  const abstractLines = new LineWriter();
  const wordCounts = new TextWordCounts();
  const replaced = new Set<number>();
  let anyPmid = false;
  for (let i = 0; i < n; i++) {
    const e = papers.get(i);
    keyLines.add(e.key);
    // The newer record wins: a layer's paper replaces the one of the same key below.
    if (below) for (const j of below.find('keys', e.key)) replaced.add(j);
    doiLines.add(e.doi);
    pmidLines.add(e.pmid);
    if (e.pmid) anyPmid = true;
    normTitleLines.add(normalizeTitle(e.title));
    if (options.withAbstracts) abstractLines.add(e.abstract);
    wordCounts.add(e.title);
    wordCounts.add(e.authors.join('; '));
  }
  const lookups: Array<[string, SectionData]> = [];
  // Keys and DOIs live in each paper's record: their tables are fingerprinted, a hit checked against the record.
  for (const [name, lines] of [
    ['keys', keyLines],
    ['dois', doiLines],
  ] as const) {
    const bytes = lines.view();
    const offsets = lineOffsets(bytes, n);
    lookups.push([`${name}Table`, buildLineTable(bytes, offsets, true)]);
    // A key table's hit is confirmed by the paper's second hash, so a waking worker matches keys without the records.
    if (name === 'keys') lookups.push(['keyChecks', Uint32Array.from({ length: n }, (_, i) => keyCheck(bytes, offsets[i]!, offsets[i + 1]! - 1))]);
  }
  // Only catalogues with PubMed ids carry them: the others keep their bytes.
  if (anyPmid) {
    const bytes = pmidLines.view();
    const offsets = lineOffsets(bytes, n);
    lookups.push(['pmids', bytes], ['pmidsOffsets', offsets], ['pmidsTable', buildLineTable(bytes, offsets)]);
  }
  // Normalized titles are looked up by their hash only: a hit is checked against its paper's title, normalized again.
  const normTitles = normTitleLines.view();
  const normTitlesTable = buildLineTable(normTitles, lineOffsets(normTitles, n), true);
  const dictionary = wordCounts.dictionary();
  const textWriter = new TextEncoderOf(dictionary);
  const textOffsets = new Uint32Array(n + 1);
  const textRecords = new ByteWriter();
  for (let i = 0; i < n; i++) {
    const e = papers.get(i);
    textWriter.writeRecord(textRecords, e.key, e.doi, e.title, e.authors.join('; '));
    textOffsets[i + 1] = textRecords.length;
  }
  return {
    lookups,
    normTitlesTable,
    words: encodeLines(dictionary),
    wordCount: dictionary.length,
    texts: textRecords.view(),
    textOffsets,
    ...(options.withAbstracts ? { abstracts: abstractLines.view() } : {}),
    replaced: Uint32Array.from([...replaced].sort((a, b) => a - b)),
    hasPmids: anyPmid,
  };
}
