// The built-in topic taxonomy: several hundred research topics across every arXiv group, learned from real papers by
// `npm run learn:taxonomy` (clusters of each category's papers, named by review) and shipped in
// assets/models/taxonomy.json; the model that scores them is assets/models/topics.bin (taxonomyModel.ts, read by taxonomyModelFile.ts).
import taxonomyData from '../../../assets/models/taxonomy.json';

/** One research topic and the vocabulary that signals it in a title or abstract. */
export interface TopicDefinition {
  /** Stable kebab-case id. */
  id: string;
  label: string;
  /** One sentence saying what the topic covers. */
  description: string;
  /**
   * Lowercase phrases that signal the topic. A built-in topic's phrases were learned (what sets its papers apart) and
   * describe it; the model decides. Phrases a user writes (an added topic, or new terms on a built-in one) are matched in
   * the text: hyphens and spaces are interchangeable, plurals and -ed/-ing forms match.
   */
  terms: string[];
  /** Ids of built-in topics whose learned weights this topic uses (a merged topic uses several); default [id]. */
  learnedFrom?: string[];
  /** arXiv subject group the topic sits under ("Computer Science", "Astrophysics", ...). */
  group?: string;
  /** arXiv categories of the topic's papers, most papers first. */
  categories?: string[];
}

/** A topic as shipped: always under a group, with its categories. */
export interface BuiltInTopic extends TopicDefinition {
  group: string;
  categories: string[];
  /** A category as a whole, tagged only when none of its narrower topics fits a paper well. */
  broad?: true;
  /** Ids of topics of earlier taxonomies this one takes over (a user's edits to them apply to it). */
  replaces?: string[];
}

/** A topic of an earlier built-in taxonomy that no current topic takes over: kept so a user's edits to it survive. */
export interface RetiredTopic {
  id: string;
  label: string;
  description: string;
  terms: string[];
}

interface TaxonomyFile {
  format: 'paperscope-taxonomy';
  version: 1;
  learnedFrom: string;
  topics: BuiltInTopic[];
  retired?: RetiredTopic[];
}

/** The built-in taxonomy. Order only breaks ties between equal scores. */
export const TOPICS: readonly BuiltInTopic[] = Object.freeze((taxonomyData as TaxonomyFile).topics.map((t) => Object.freeze(t)));

/** What the taxonomy was learned from, in words. */
export const TAXONOMY_SOURCE: string = (taxonomyData as TaxonomyFile).learnedFrom;

/** Topics of earlier taxonomies without a successor (see BuiltInTopic.replaces for those with one). */
export const RETIRED_TOPICS: readonly RetiredTopic[] = Object.freeze((taxonomyData as TaxonomyFile).retired ?? []);
