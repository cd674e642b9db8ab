import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { EntenteError } from '../core/types.ts';
import { MIGRATIONS } from './migrations.ts';
import { ensureIndexCurrent } from './documents.ts';

export type Db = Database.Database;

export const DEFAULT_DB = 'entente.db';

/** Opens (creating if needed) an Entente database in WAL mode and brings its schema up to date. */
export function openDatabase(file: string = DEFAULT_DB, options: { mustExist?: boolean; readonly?: boolean } = {}): Db {
  if (options.mustExist && file !== ':memory:' && !existsSync(file))
    throw new EntenteError('no such database', file, 'run "entente ingest PATH" first, or give --db FILE');
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false });
  } catch (err) {
    throw new EntenteError(`cannot open the database (${(err as Error).message})`, file);
  }
  db.pragma('foreign_keys = ON');
  // Another process may be writing (an ingest commits every second): wait for it rather than fail.
  db.pragma('busy_timeout = 10000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    ensureIndexCurrent(db);
  }
  return db;
}

export function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
  }
}
