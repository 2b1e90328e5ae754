// The user's edits to the topic taxonomy (add, rename, edit, merge, remove) and the effective taxonomy they give.
import { hashBytes } from '../hash.ts';
import { TOPICS, type TopicDefinition } from './taxonomy.ts';

export { TAXONOMY_LIMITS, type TaxonomyEdit } from './taxonomyEdit.ts';
import { TAXONOMY_LIMITS, type TaxonomyEdit } from './taxonomyEdit.ts';

/** Why an edit was refused: `code` names the rule (the options page words it), `message` says it in English. */
export type TaxonomyErrorCode =
  | 'emptyLabel'
  | 'longLabel'
  | 'duplicateLabel'
  | 'unknownTopic'
  | 'mergeIntoItself'
  | 'mergeNothing'
  | 'noTerms'
  | 'tooManyTerms'
  | 'longTerm'
  | 'longDescription'
  | 'badId'
  | 'takenId'
  | 'tooManyTopics'
  | 'tooManyEdits'
  | 'nothingToChange';

export class TaxonomyEditError extends Error {
  constructor(
    readonly code: TaxonomyErrorCode,
    message: string,
    /** The label or id the message is about, for the options page's own wording. */
    readonly subject = '',
  ) {
    super(message);
  }
}

/** Where an effective topic comes from, for the options page. */
export interface TopicOrigin {
  builtIn: boolean;
  /** Renamed, re-described, given other terms or merged into. */
  edited: boolean;
  /** Labels of the topics merged into this one, as they were when merged. */
  mergedFrom: string[];
}

export interface EffectiveTaxonomy {
  /** The topics to tag with, in the built-in order (added topics last). */
  topics: readonly TopicDefinition[];
  origins: ReadonlyMap<string, TopicOrigin>;
  /** Topic id that no longer exists → the id it was merged into (chains resolved). */
  aliases: ReadonlyMap<string, string>;
  /** Built-in or added ids removed outright. */
  removed: ReadonlySet<string>;
}

const BUILT_IN = taxonomyOf(TOPICS);

function taxonomyOf(topics: readonly TopicDefinition[]): EffectiveTaxonomy {
  return {
    topics,
    origins: new Map(topics.map((t) => [t.id, { builtIn: true, edited: false, mergedFrom: [] }])),
    aliases: new Map(),
    removed: new Set(),
  };
}

/** Labels compare without case and runs of spaces. */
export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}

const labelKey = (label: string) => normalizeLabel(label).toLowerCase();

/** Terms as the tagger wants them: lowercase, single-spaced, no empties or repeats, in the order given. */
export function normalizeTerms(terms: readonly string[]): string[] {
  const out = new Set<string>();
  for (const term of terms) {
    const t = term.replace(/\s+/g, ' ').trim().toLowerCase();
    if (t && /[\p{L}\p{N}]/u.test(t)) out.add(t);
  }
  return [...out];
}

/** Terms typed as one text: commas, semicolons or new lines separate them. */
export function termsFromText(text: string): string[] {
  return normalizeTerms(text.split(/[,;\n]/));
}

/** A fresh id for a topic the user adds: `user-<label words>`, numbered when taken. */
export function newTopicId(label: string, taken: (id: string) => boolean): string {
  const slug =
    normalizeLabel(label)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'topic';
  let id = `user-${slug}`;
  for (let n = 2; taken(id); n++) id = `user-${slug}-${n}`;
  return id;
}

function checkLabel(label: string, topics: readonly TopicDefinition[], exceptId?: string): string {
  const clean = normalizeLabel(label);
  if (!clean) throw new TaxonomyEditError('emptyLabel', 'A topic needs a name.');
  if (clean.length > TAXONOMY_LIMITS.label) throw new TaxonomyEditError('longLabel', `A topic name can have at most ${TAXONOMY_LIMITS.label} characters.`, clean);
  const key = clean.toLowerCase();
  const clash = topics.find((t) => t.id !== exceptId && labelKey(t.label) === key);
  if (clash) throw new TaxonomyEditError('duplicateLabel', `There is already a topic named "${clash.label}".`, clash.label);
  return clean;
}

function checkTerms(terms: readonly string[]): string[] {
  const clean = normalizeTerms(terms);
  if (clean.length === 0) throw new TaxonomyEditError('noTerms', 'A topic needs at least one term that signals it.');
  if (clean.length > TAXONOMY_LIMITS.terms) throw new TaxonomyEditError('tooManyTerms', `A topic can have at most ${TAXONOMY_LIMITS.terms} terms.`);
  const long = clean.find((t) => t.length > TAXONOMY_LIMITS.term);
  if (long) throw new TaxonomyEditError('longTerm', `A term can have at most ${TAXONOMY_LIMITS.term} characters.`, long.slice(0, 40));
  return clean;
}

function checkDescription(description: string): string {
  const clean = description.replace(/\s+/g, ' ').trim();
  if (clean.length > TAXONOMY_LIMITS.description) throw new TaxonomyEditError('longDescription', `A description can have at most ${TAXONOMY_LIMITS.description} characters.`);
  return clean;
}

function topicById(taxonomy: EffectiveTaxonomy, id: string): TopicDefinition {
  const topic = taxonomy.topics.find((t) => t.id === id);
  if (!topic)
    throw new TaxonomyEditError(
      'unknownTopic',
      `There is no topic with id "${id.slice(0, TAXONOMY_LIMITS.id)}" (it may have been removed or merged).`,
      id.slice(0, TAXONOMY_LIMITS.id),
    );
  return topic;
}

/** The learned-weight sources of a topic: its own id for a built-in topic, none for one the user added. */
function learnedSources(topic: TopicDefinition, origin: TopicOrigin | undefined): string[] {
  return topic.learnedFrom ?? (origin?.builtIn === false ? [] : [topic.id]);
}

/**
 * The taxonomy after one more edit, with the edit cleaned (labels and terms normalised); throws TaxonomyEditError
 * and changes nothing when the edit is not valid here.
 */
export function applyEdit(taxonomy: EffectiveTaxonomy, edit: TaxonomyEdit): { taxonomy: EffectiveTaxonomy; edit: TaxonomyEdit } {
  const origins = new Map(taxonomy.origins);
  const edited = (id: string, more: Partial<TopicOrigin> = {}) => {
    const was = origins.get(id) ?? { builtIn: false, edited: false, mergedFrom: [] };
    origins.set(id, { ...was, edited: true, ...more });
  };
  const replace = (topic: TopicDefinition) => taxonomy.topics.map((t) => (t.id === topic.id ? topic : t));
  switch (edit.op) {
    case 'add': {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(edit.id) || edit.id.length > TAXONOMY_LIMITS.id) {
        throw new TaxonomyEditError('badId', 'A topic id is lowercase letters, digits and hyphens.', edit.id.slice(0, TAXONOMY_LIMITS.id));
      }
      if (taxonomy.topics.some((t) => t.id === edit.id) || BUILT_IN.origins.has(edit.id) || taxonomy.aliases.has(edit.id) || taxonomy.removed.has(edit.id)) {
        throw new TaxonomyEditError('takenId', `The topic id "${edit.id}" is taken.`, edit.id);
      }
      if (taxonomy.topics.length >= TAXONOMY_LIMITS.topics) throw new TaxonomyEditError('tooManyTopics', `The taxonomy can have at most ${TAXONOMY_LIMITS.topics} topics.`);
      const label = checkLabel(edit.label, taxonomy.topics);
      const terms = checkTerms(edit.terms);
      const description = checkDescription(edit.description);
      // An added topic has only its seed terms: no learned weights.
      const topic: TopicDefinition = { id: edit.id, label, description, terms, learnedFrom: [] };
      origins.set(edit.id, { builtIn: false, edited: false, mergedFrom: [] });
      return { taxonomy: { ...taxonomy, topics: [...taxonomy.topics, topic], origins }, edit: { op: 'add', id: edit.id, label, description, terms } };
    }
    case 'rename': {
      const topic = topicById(taxonomy, edit.id);
      const label = checkLabel(edit.label, taxonomy.topics, edit.id);
      if (label === topic.label) throw new TaxonomyEditError('nothingToChange', `The topic is already named "${label}".`, label);
      edited(topic.id);
      return { taxonomy: { ...taxonomy, topics: replace({ ...topic, label }), origins }, edit: { op: 'rename', id: topic.id, label } };
    }
    case 'update': {
      const topic = topicById(taxonomy, edit.id);
      if (edit.description === undefined && edit.terms === undefined) throw new TaxonomyEditError('nothingToChange', 'The edit changes nothing.');
      const next = { ...topic };
      const clean: TaxonomyEdit = { op: 'update', id: topic.id };
      if (edit.description !== undefined) next.description = clean.description = checkDescription(edit.description);
      if (edit.terms !== undefined) next.terms = clean.terms = checkTerms(edit.terms);
      if (next.description === topic.description && next.terms.join('\n') === topic.terms.join('\n')) {
        throw new TaxonomyEditError('nothingToChange', 'The edit changes nothing.');
      }
      edited(topic.id);
      return { taxonomy: { ...taxonomy, topics: replace(next), origins }, edit: clean };
    }
    case 'merge': {
      const into = topicById(taxonomy, edit.into);
      const from = [...new Set(edit.from)];
      if (from.includes(edit.into)) throw new TaxonomyEditError('mergeIntoItself', `"${into.label}" cannot be merged into itself.`, into.label);
      if (from.length === 0) throw new TaxonomyEditError('mergeNothing', 'Choose at least one topic to merge.');
      const sources = from.map((id) => topicById(taxonomy, id));
      const terms = checkTerms([...into.terms, ...sources.flatMap((s) => s.terms)]);
      const learnedFrom = [...new Set([into, ...sources].flatMap((t) => learnedSources(t, origins.get(t.id))))];
      const merged: TopicDefinition = { ...into, terms, learnedFrom };
      const gone = new Set(from);
      const aliases = new Map(taxonomy.aliases);
      for (const [alias, target] of aliases) if (gone.has(target)) aliases.set(alias, into.id);
      for (const id of from) aliases.set(id, into.id);
      edited(into.id, { mergedFrom: [...(origins.get(into.id)?.mergedFrom ?? []), ...sources.map((s) => s.label)] });
      for (const id of from) origins.delete(id);
      const topics = taxonomy.topics.filter((t) => !gone.has(t.id)).map((t) => (t.id === into.id ? merged : t));
      return { taxonomy: { ...taxonomy, topics, origins, aliases }, edit: { op: 'merge', from, into: into.id } };
    }
    case 'remove': {
      const topic = topicById(taxonomy, edit.id);
      const aliases = new Map(taxonomy.aliases);
      for (const [alias, target] of aliases) if (target === topic.id) aliases.delete(alias);
      const removed = new Set(taxonomy.removed);
      removed.add(topic.id);
      for (const [alias, target] of taxonomy.aliases) if (target === topic.id) removed.add(alias);
      origins.delete(topic.id);
      return { taxonomy: { ...taxonomy, topics: taxonomy.topics.filter((t) => t.id !== topic.id), origins, aliases, removed }, edit: { op: 'remove', id: topic.id } };
    }
    default:
      throw new TaxonomyEditError('nothingToChange', 'Unknown kind of edit.');
  }
}

/** The built-in taxonomy with `edits` applied in order; throws at the first edit that is not valid. */
export function effectiveTaxonomy(edits: readonly TaxonomyEdit[], builtIn: readonly TopicDefinition[] = TOPICS): EffectiveTaxonomy {
  if (edits.length > TAXONOMY_LIMITS.edits) throw new TaxonomyEditError('tooManyEdits', `At most ${TAXONOMY_LIMITS.edits} edits are kept; reset the taxonomy to start again.`);
  let taxonomy = builtIn === TOPICS ? BUILT_IN : taxonomyOf(builtIn);
  for (const edit of edits) taxonomy = applyEdit(taxonomy, edit).taxonomy;
  return taxonomy;
}

/**
 * Like effectiveTaxonomy, but skips edits that no longer apply (a restored backup from another version, a built-in
 * topic that an update renamed away) instead of refusing them all; says how many were skipped.
 */
export function effectiveTaxonomyLenient(
  edits: readonly TaxonomyEdit[],
  builtIn: readonly TopicDefinition[] = TOPICS,
): { taxonomy: EffectiveTaxonomy; kept: TaxonomyEdit[]; skipped: number } {
  let taxonomy = builtIn === TOPICS ? BUILT_IN : taxonomyOf(builtIn);
  const kept: TaxonomyEdit[] = [];
  for (const edit of edits.slice(0, TAXONOMY_LIMITS.edits)) {
    try {
      const next = applyEdit(taxonomy, edit);
      taxonomy = next.taxonomy;
      kept.push(next.edit);
    } catch (error) {
      if (!(error instanceof TaxonomyEditError)) throw error;
    }
  }
  return { taxonomy, kept, skipped: edits.length - kept.length };
}

/** The edit list after one more edit; throws TaxonomyEditError (and the list stays as it was) when it is not valid. */
export function withEdit(edits: readonly TaxonomyEdit[], edit: TaxonomyEdit, builtIn: readonly TopicDefinition[] = TOPICS): { edits: TaxonomyEdit[]; taxonomy: EffectiveTaxonomy } {
  if (edits.length >= TAXONOMY_LIMITS.edits) throw new TaxonomyEditError('tooManyEdits', `At most ${TAXONOMY_LIMITS.edits} edits are kept; reset the taxonomy to start again.`);
  const next = applyEdit(effectiveTaxonomy(edits, builtIn), edit);
  return { edits: [...edits, next.edit], taxonomy: next.taxonomy };
}

const encoder = new TextEncoder();

/**
 * What tagging depends on (ids, terms, learned sources, order), hashed: two taxonomies with the same revision tag every
 * paper alike, so a rename or a new description needs no re-tagging (labels are looked up by id when shown).
 */
export function taggingRevision(topics: readonly TopicDefinition[]): string {
  return hashBytes(encoder.encode(JSON.stringify(topics.map((t) => [t.id, t.terms, t.learnedFrom ?? null]))));
}

export const BUILT_IN_REVISION = taggingRevision(TOPICS);

/** The id a stored tag's topic has now (itself, or what it was merged into), or undefined when it was removed. */
export function currentTopicId(taxonomy: EffectiveTaxonomy, id: string): string | undefined {
  if (taxonomy.removed.has(id)) return undefined;
  return taxonomy.aliases.get(id) ?? id;
}
