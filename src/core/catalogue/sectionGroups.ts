// Which sections of a catalogue each use reads, so a stored catalogue is read a part at a time: matching on every wake,
// the rest when a feature first needs it (CatalogueData.ensureSections).
import type { CatalogueHeader } from './artifact.ts';

const lookup = (name: string) => [name, `${name}Offsets`, `${name}Table`];

/**
 * Matching a page's paper by its key (an arXiv listing's rows all match so): the lines, offsets and hash table; in
 * format 3 the table, and the papers' records its hits are checked against (key and DOI lead each record).
 */
const RECORDS = ['texts', 'textOffsets'];
const LOOKUPS = [...lookup('keys'), ...RECORDS];

/** Matching by DOI or PubMed id (publishers' and PubMed's pages): read on the first row that names one. */
export const ID_LOOKUP_SECTIONS: readonly string[] = [...lookup('dois'), ...lookup('pmids'), ...RECORDS];

/**
 * Matching by exact title: the largest lookup (about 85 bytes a paper), read on the first row no id matched, not at
 * wake (an arXiv listing's rows match by key).
 */
export const TITLE_LOOKUP_SECTIONS: readonly string[] = [...lookup('normTitles'), ...RECORDS, 'words'];

/**
 * What a match answer reads besides the lookups: tags (topics, categories) and years. Small per-paper arrays; and an
 * update layer's list of the papers below it that it replaces (which a match must not find).
 */
const MATCH_ANSWER = ['years', 'categoryIds', 'categoryPredicted', 'topicIds', 'topicConfidence', 'supersedes'];

/**
 * Titles and authors, and every lookup: a whole paper (related work, search, library), matching by any id, title or a
 * cut title, re-tagging.
 */
export const TEXT_SECTIONS: readonly string[] = ['titles', 'authors', ...TITLE_LOOKUP_SECTIONS, ...ID_LOOKUP_SECTIONS];

/** The tf-idf vectors and the vocabulary: related work, category prediction, interests, seen papers. */
export const VECTOR_SECTIONS: readonly string[] = ['terms', 'idf', 'vectorIds', 'vectorWeights', 'vectors', 'vectorOffsets', 'vectorScales'];

/**
 * What an update layer is built against (src/core/catalogue/layered.ts) besides the key lookup read at wake (which finds
 * the papers it replaces): the vocabulary and idf. Not the papers: adding 10k papers to a million reads little of it.
 */
export const LAYER_BUILD_SECTIONS: readonly string[] = ['terms', 'idf'];

/** Everything a whole paper needs (CatalogueData.paper): its text, abstracts included when the catalogue has them. */
export const PAPER_SECTIONS: readonly string[] = [...TEXT_SECTIONS, 'abstracts'];

/** What re-tagging every paper under an edited taxonomy reads (src/core/topics/overlay.ts). */
export const RETAG_SECTIONS: readonly string[] = [...PAPER_SECTIONS, ...VECTOR_SECTIONS];

/**
 * Matching by key where each paper has a key check (keyChecks): the table and the checks, about 9 bytes a paper, instead
 * of the records (about 65).
 */
const CHECKED_KEY_LOOKUP = ['keysTable', 'keyChecks'];

/** The sections a waking worker reads before its first answer: those of this catalogue that matching needs. */
export function wakeSections(header: Pick<CatalogueHeader, 'sections'>): string[] {
  const held = new Set(header.sections.map((info) => info.name));
  const keyLookup = held.has('keyChecks') ? CHECKED_KEY_LOOKUP : LOOKUPS;
  return [...keyLookup, ...MATCH_ANSWER].filter((name) => held.has(name));
}

/** The sections loaded together with this one (a reader of one reads its group's others too), or it alone. */
export function sectionGroupOf(name: string): readonly string[] {
  // An exact title needs its lookup alone; a cut title then reads titles and authors too.
  // The records ("texts") come with the title lookup: what a check of a hit needs, titles included.
  for (const group of [TITLE_LOOKUP_SECTIONS, ID_LOOKUP_SECTIONS, TEXT_SECTIONS, VECTOR_SECTIONS]) if (group.includes(name)) return group;
  return name === 'abstracts' ? PAPER_SECTIONS : [name];
}
