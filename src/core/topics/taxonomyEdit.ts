// The shape of one taxonomy edit and its size limits: small on purpose, because the message protocol (and so the
// content script) imports it, and must not pull in the topic list.
/** One change the user made to the taxonomy; the list of them, applied in order to the built-in topics, is what is stored. */
export type TaxonomyEdit =
  | { op: 'add'; id: string; label: string; description: string; terms: string[] }
  | { op: 'rename'; id: string; label: string }
  | { op: 'update'; id: string; description?: string; terms?: string[] }
  | { op: 'merge'; from: string[]; into: string }
  | { op: 'remove'; id: string };

export const TAXONOMY_LIMITS = { label: 80, description: 500, term: 100, terms: 300, topics: 1000, edits: 2000, id: 60 } as const;
