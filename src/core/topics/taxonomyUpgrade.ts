// A user's taxonomy edits carried across an upgrade of the built-in taxonomy: edits name topics by id, and ids of an
// earlier taxonomy may be gone. An old topic with a successor (BuiltInTopic.replaces) is edited as its successor; one
// without (RETIRED_TOPICS) comes back as a topic of the user's own, with its old label, description and terms, the
// first time an edit names it; a user's added topic whose id a built-in topic now has gets a free id.
import { type BuiltInTopic, type RetiredTopic, RETIRED_TOPICS, TOPICS } from './taxonomy.ts';
import type { TaxonomyEdit } from './taxonomyEdit.ts';

/** The edits with every id they name translated to the current taxonomy. Edits already in current ids are unchanged. */
export function upgradeEdits(edits: readonly TaxonomyEdit[], builtIn: readonly BuiltInTopic[] = TOPICS, retired: readonly RetiredTopic[] = RETIRED_TOPICS): TaxonomyEdit[] {
  const current = new Set(builtIn.map((t) => t.id));
  const successor = new Map<string, string>();
  for (const topic of builtIn) for (const old of topic.replaces ?? []) if (!current.has(old)) successor.set(old, topic.id);
  const retiredById = new Map(retired.map((t) => [t.id, t]));
  const added = new Set<string>();
  /** A user's added id that collides with a built-in id now → the id it was given. */
  const moved = new Map<string, string>();
  const out: TaxonomyEdit[] = [];

  const resolve = (id: string, create: boolean): string | undefined => {
    const own = moved.get(id) ?? id;
    if (current.has(own) || added.has(own)) return own;
    const next = successor.get(own);
    if (next) return next;
    const old = retiredById.get(own);
    if (!old) return own; // Unknown: left as it is, and skipped where it does not apply, as before.
    if (!create) return undefined;
    out.push({ op: 'add', id: own, label: old.label, description: old.description, terms: [...old.terms] });
    added.add(own);
    return own;
  };

  for (const edit of edits) {
    switch (edit.op) {
      case 'add': {
        let id = edit.id;
        if (current.has(id) || successor.has(id)) {
          for (let n = 2; current.has(id) || successor.has(id) || added.has(id); n++) id = `${edit.id.slice(0, 55)}-${n}`;
          moved.set(edit.id, id);
        }
        added.add(id);
        out.push({ ...edit, id });
        break;
      }
      case 'rename':
      case 'update':
        out.push({ ...edit, id: resolve(edit.id, true)! });
        break;
      case 'merge':
        out.push({ op: 'merge', from: edit.from.map((id) => resolve(id, true)!), into: resolve(edit.into, true)! });
        break;
      case 'remove': {
        // Removing an old topic that nothing took over removes nothing now.
        const id = resolve(edit.id, false);
        if (id !== undefined) out.push({ op: 'remove', id });
        break;
      }
    }
  }
  return out;
}
