import { EntenteError, type Doc } from '../core/types.ts';
import type { Db } from './database.ts';
import { insertIndexEntries, saveDocument, type DeferredRows } from './documents.ts';

/** How many documents, or how many milliseconds of work, one commit of a bulk ingest holds at most. */
export const COMMIT_EVERY = { documents: 64, ms: 1000 };
/** Page cache of a bulk ingest (KiB): the annotation and full-text indexes take a page or two per document. */
const INGEST_CACHE_KIB = 16 * 1024;
/**
 * WAL pages after which a bulk ingest copies the log into the database (SQLite's default is 1,000).
 * The index pages an ingest rewrites batch after batch are then copied once per 80 MB of log rather
 * than once per 4 MB; the log is checkpointed when the writer closes.
 */
const INGEST_CHECKPOINT_PAGES = 20_000;

/**
 * Stores analysed documents for a bulk ingest. Each document is written in its own nested
 * transaction (a SQLite savepoint), so it is stored whole or not at all; the savepoints are
 * committed together every few dozen documents or every second, because a commit per
 * document rewrites the same index pages (one per term) again and again.
 * A crash loses at most the documents of the open batch, each of them whole: running the
 * ingest again adds them. A batch's full-text index entries are added together just before its
 * commit, because SQLite's FTS5 writes its pending entries out at every savepoint and would
 * otherwise make one small index segment per document.
 */
export class DocumentWriter {
  private pending = 0;
  private readonly deferred: DeferredRows = { index: [] };
  /** Ids of the documents added in the open batch. */
  private batch: string[] = [];
  private openedAt = 0;
  private readonly previousCache: number;
  private readonly previousCheckpoint: number;
  /** Whether the connection checks foreign keys outside a batch (they are not checked inside one). */
  private foreignKeys: boolean | undefined;

  constructor(
    private readonly db: Db,
    private readonly every = COMMIT_EVERY,
  ) {
    this.previousCache = Number(db.pragma('cache_size', { simple: true }));
    this.previousCheckpoint = Number(db.pragma('wal_autocheckpoint', { simple: true }));
    db.pragma(`cache_size = -${INGEST_CACHE_KIB}`);
    db.pragma(`wal_autocheckpoint = ${INGEST_CHECKPOINT_PAGES}`);
  }

  save(doc: Doc): { id: string; status: 'added' | 'unchanged' } {
    if (!this.db.inTransaction) {
      // A document's rows are written after its documents row, in the same savepoint, so they
      // cannot point to a missing document; checking each row's reference again costs an index
      // lookup per provision and per annotation. (The setting is only read outside a transaction.)
      this.foreignKeys ??= Number(this.db.pragma('foreign_keys', { simple: true })) === 1;
      if (this.foreignKeys) this.db.pragma('foreign_keys = OFF');
      // IMMEDIATE: take the write lock now (waiting for another writer), rather than read first and
      // find at the first insert that another process wrote in between.
      this.db.prepare('BEGIN IMMEDIATE').run();
      this.openedAt = performance.now();
      this.pending = 0;
    }
    // Inside an open transaction, saveDocument's own transaction is a savepoint: a document
    // that fails is rolled back alone and the batch goes on.
    const saved = saveDocument(this.db, doc, { defer: this.deferred });
    if (saved.status === 'added') this.batch.push(saved.id);
    this.pending++;
    if (this.pending >= this.every.documents || performance.now() - this.openedAt >= this.every.ms) this.flush();
    return saved;
  }

  /** Commits the open batch; if it cannot be committed, none of it is kept and BatchLostError names its documents. */
  flush(): void {
    if (this.db.inTransaction) {
      const batch = this.batch;
      this.batch = [];
      try {
        insertIndexEntries(this.db, this.deferred.index);
        this.db.prepare('COMMIT').run();
      } catch (err) {
        // A full disk, say: nothing of the batch is kept, rather than documents without their codes or index.
        if (this.db.inTransaction) this.db.prepare('ROLLBACK').run();
        throw new BatchLostError(batch, err as Error);
      } finally {
        this.deferred.index.length = 0;
        if (this.foreignKeys) this.db.pragma('foreign_keys = ON');
      }
    }
    this.pending = 0;
  }

  /** Commits, copies the log into the database, and gives the connection its usual settings back. */
  close(): void {
    try {
      this.flush();
    } finally {
      this.db.pragma(`cache_size = ${this.previousCache}`);
      this.db.pragma(`wal_autocheckpoint = ${this.previousCheckpoint}`);
      // PASSIVE: never waits for readers; what they still hold is copied by a later checkpoint.
      if (!this.db.memory) this.db.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}

/** A batch of documents that was saved but could not be committed: none of them is in the database. */
export class BatchLostError extends EntenteError {
  constructor(
    readonly lost: string[],
    cause: Error,
  ) {
    super(
      `the last ${lost.length} document${lost.length === 1 ? '' : 's'} could not be committed (${cause.message}); none of them was stored`,
      'database',
      'fix the cause (a full disk, a locked or read-only file), then run the ingest again: documents already stored are skipped',
    );
    this.name = 'BatchLostError';
  }
}
