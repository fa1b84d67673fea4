// Two colleagues' replicas for sync tests: each with its own clock on a fake time line, writing documents the way the
// sync module will (recordToDoc on top of the revision they last saw), with made-up CouchDB revision ids.
import { HybridClock } from '../../../shared/sync/hlc';
import type { RecordDoc, SyncKind } from '../../../shared/sync/sync-docs';
import { recordToDoc } from '../../../shared/sync/sync-docs';

export const T0 = Date.UTC(2026, 3, 1, 9, 0, 0);

export interface Replica {
  user: string;
  replica: string;
  clock: HybridClock;
  advance(ms: number): void;
  write(kind: SyncKind, record: object, previous: RecordDoc | null): RecordDoc;
}

let revCounter = 0;

export function replica(user: string, replicaId: string, start = T0): Replica {
  let t = start;
  const clock = new HybridClock(replicaId, () => t);
  return {
    user,
    replica: replicaId,
    clock,
    advance: (ms) => {
      t += ms;
    },
    write(kind, record, previous) {
      const doc = recordToDoc({ kind, record: record as Record<string, unknown>, previous, at: clock.next(), by: user, replica: replicaId });
      const gen = previous?._rev ? Number(previous._rev.split('-')[0]) + 1 : 1;
      doc._rev = `${gen}-${(++revCounter).toString(16).padStart(8, '0')}`;
      return doc;
    },
  };
}

/** What a replica does with a document it received: its clock moves past the stamps. */
export function receive(r: Replica, doc: RecordDoc): RecordDoc {
  for (const s of Object.values(doc.stamps)) r.clock.receive(s.at);
  return doc;
}
