// The topic taxonomy as the options page edits it; re-tagging runs in the taxonomy service.
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

export function taxonomyHandlers({ taxonomy }: WorkerServices): Pick<PageHandlers, 'getTaxonomy' | 'editTaxonomy' | 'resetTaxonomy' | 'taxonomyStatus'> {
  return {
    getTaxonomy: async () => taxonomy.state(),
    editTaxonomy: async ({ edit }) => taxonomy.edit(edit),
    resetTaxonomy: async () => taxonomy.reset(),
    taxonomyStatus: async () => taxonomy.retagStatus(),
  };
}
