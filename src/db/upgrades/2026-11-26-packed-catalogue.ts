// Upgrade to v3: the JSON catalogue of v1 is gone; forget its meta so the packed bundled catalogue installs.
import type { Transaction } from 'dexie';

export async function dropJsonCatalogue(tx: Transaction): Promise<void> {
  await tx.table('catalogueMeta').clear();
}
