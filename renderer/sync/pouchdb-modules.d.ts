// Types for the parts of PouchDB 9 the sync module uses. The DefinitelyTyped packages are not used: they pull the DOM
// lib and `debug` into every project that sees them (breaking the Node projects' Buffer types), and lag PouchDB 9.
declare module 'pouchdb-core' {
  export interface Revisioned {
    _id: string;
    _rev?: string;
    _conflicts?: string[];
    _deleted?: boolean;
  }
  export interface WriteResult {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: boolean | string;
    status?: number;
    name?: string;
    message?: string;
    reason?: string;
  }
  export interface ChangesResult<T> {
    results: { id: string; seq: number | string; deleted?: boolean; changes: { rev: string }[]; doc?: T & Revisioned }[];
    last_seq: number | string;
  }
  export interface ReplicationInfo {
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    /** The documents this batch wrote into the target (each revision with its `_revisions`), once written. */
    docs?: unknown[];
  }
  export interface ReplicationResult extends ReplicationInfo {
    ok: boolean;
    errors: unknown[];
  }
  export interface ReplicateOptions {
    batch_size?: number;
    live?: boolean;
    retry?: boolean;
    /** Start after this source sequence instead of the checkpoint (which is then set to it). */
    since?: number | string;
    /** Options for one direction of `sync`. */
    push?: ReplicateOptions;
    pull?: ReplicateOptions;
  }
  export interface Replication extends PromiseLike<ReplicationResult> {
    on(event: 'change', fn: (info: ReplicationInfo) => void): this;
    on(event: string, fn: (arg: unknown) => void): this;
    cancel(): void;
  }
  export interface LiveSync {
    on(event: string, fn: (arg: unknown) => void): this;
    cancel(): void;
  }
  export interface Database<T extends object = object> {
    readonly name: string;
    info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
    get(id: string, opts?: { rev?: string; conflicts?: boolean }): Promise<T & Revisioned>;
    put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
    bulkDocs(docs: object[]): Promise<WriteResult[]>;
    allDocs(opts: { keys?: string[]; include_docs?: boolean; conflicts?: boolean }): Promise<{ rows: { key: string; error?: string; value?: { rev: string; deleted?: boolean }; doc?: (T & Revisioned) | null }[] }>;
    changes(opts: { since?: number | string; include_docs?: boolean; conflicts?: boolean; limit?: number; descending?: boolean }): Promise<ChangesResult<T>>;
    replicate: {
      to(target: Database<T> | string, opts?: ReplicateOptions): Replication;
      from(source: Database<T> | string, opts?: ReplicateOptions): Replication;
    };
    sync(other: Database<T> | string, opts?: ReplicateOptions): LiveSync;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  export interface PouchStatic {
    new <T extends object = object>(name: string, opts?: Record<string, unknown>): Database<T>;
    plugin(plugin: unknown): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
