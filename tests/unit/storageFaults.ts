// Storage faults for unit tests over fake-indexeddb: the errors a full disk gives, at the request or at the open.
import type Dexie from 'dexie';
import type { DBCoreMutateRequest } from 'dexie';

export const quotaError = () => new DOMException('The disk is full (injected)', 'QuotaExceededError');

export interface Faults {
  /** Fails a write to `table` (of `type`, any when left out) with a quota error while it answers true. */
  failWrites?: (table: string, type: DBCoreMutateRequest['type']) => boolean;
  /** Rewrites a write before it reaches the database (a copy that silently loses a row). */
  alterWrite?: (table: string, request: DBCoreMutateRequest) => DBCoreMutateRequest;
  /** How many writes reached the database, per table. */
  writes: Record<string, number>;
}

/** Faults injected just above IndexedDB (below the database's own middleware, as the browser's errors would be). */
export function injectFaults(db: Dexie): Faults {
  const faults: Faults = { writes: {} };
  db.use({
    stack: 'dbcore',
    name: 'injectedFaults',
    level: 1,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            if (faults.failWrites?.(name, request.type)) return Promise.reject(quotaError());
            faults.writes[name] = (faults.writes[name] ?? 0) + 1;
            return table.mutate(faults.alterWrite ? faults.alterWrite(name, request) : request);
          },
        };
      },
    }),
  });
  return faults;
}

/** An indexedDB whose opens fail while `full` is set: a browser that cannot open a database on a full disk. */
export function fullDiskIndexedDB(): { indexedDB: { open: (...args: [string, number?]) => IDBOpenDBRequest }; state: { full: boolean; opens: number } } {
  const state = { full: false, opens: 0 };
  const real = globalThis.indexedDB;
  const factory = {
    open: (...args: [string, number?]) => {
      state.opens++;
      if (state.full) throw quotaError();
      return real.open(...args);
    },
    deleteDatabase: (name: string) => real.deleteDatabase(name),
    databases: () => real.databases(),
    cmp: (a: unknown, b: unknown) => real.cmp(a, b),
  };
  return { indexedDB: factory, state };
}

/** What the browser does when it closes a connection itself (a failed disk write, a broken backing store). */
export function closeFromBrowser(db: Dexie): void {
  const connection = db.backendDB();
  connection.close();
  connection.onclose?.call(connection, new Event('close'));
}

/** Lets a failure's clean-up (scheduled after its answer) run. */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
