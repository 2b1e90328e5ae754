// Upgrade to v5: the per-paper catalogue table is gone; forget the meta field that said which version filled it.
import type { Transaction } from 'dexie';

export async function forgetPaperRows(tx: Transaction): Promise<void> {
  await tx
    .table('catalogueMeta')
    .toCollection()
    .modify((meta: { papersVersion?: string }) => {
      delete meta.papersVersion;
    });
}
