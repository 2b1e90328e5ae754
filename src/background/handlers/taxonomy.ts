// The topic taxonomy as the options page edits it; re-tagging runs in the taxonomy service.
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

export function taxonomyHandlers({
  taxonomy,
}: WorkerServices): Pick<PageHandlers, 'getTaxonomy' | 'editTaxonomy' | 'resetTaxonomy' | 'taxonomyStatus' | 'stopRetagging' | 'resumeRetagging'> {
  return {
    getTaxonomy: async () => taxonomy.state(),
    editTaxonomy: async ({ edit }) => taxonomy.edit(edit),
    resetTaxonomy: async () => taxonomy.reset(),
    taxonomyStatus: async () => taxonomy.retagStatus(),
    stopRetagging: async () => taxonomy.stop(),
    resumeRetagging: async () => taxonomy.resume(),
  };
}
