import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Annotation, AnnotationKind, Doc, DocType, MetaLine } from '../core/types.ts';
import { ANNOTATION_KINDS, EntenteError } from '../core/types.ts';
import { normalizeForAlignment } from '../core/normalize.ts';
import { ANALYZER_VERSION } from '../analyze/pipeline.ts';
import type { Db } from './database.ts';
import type Database from 'better-sqlite3';
import { documentFactTokens, indexFacts, indexFingerprint, indexText, indexTokens } from '../query/text-index.ts';
import { tokensIfComputed } from '../core/tokenize.ts';
import { memoize } from '../core/memo.ts';

// Runs of whitespace, and single whitespace characters other than a space: the same text as
// collapsing every run to one space, at a third of the cost, since most spaces are single already.
const WHITESPACE_TO_COLLAPSE = /\s\s+|[^\S ]/g;

/** Documents are identified by the hash of their normalised text, whitespace runs collapsed to one space. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text.replace(WHITESPACE_TO_COLLAPSE, ' ').trim()).digest('hex');
}

export const idOf = (hash: string) => hash.slice(0, 16);

export interface StoredDocument {
  id: string;
  path: string;
  name: string;
  format: string;
  language: string;
  doc_type: DocType;
  date: string | null;
  title: string | null;
  parties: string[];
  provisions: number;
  ingested_at: string;
  analyzed_at: string;
  analyzer_version: string;
}

export interface StoredProvision {
  idx: number;
  start: number;
  end: number;
  section: string | null;
  text: string;
}

export interface StoredAnnotation extends Annotation {
  correction_id: number | null;
}

type Row = Record<string, unknown>;

/** Inserts the provisions (and their full-text index entries) and the machine annotations; returns provision ids by index. */
const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per connection. */
function prepared(db: Db, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/** A provision's entry in the full-text index: its stems, and its codes and document facts as tokens. */
export interface IndexEntry {
  rowid: number;
  stems: string;
  codes: string;
}

/** Index entries a bulk writer adds together just before committing a batch of documents. */
export interface DeferredRows {
  index: IndexEntry[];
}

/**
 * A provision's machine codes as stored: [kind, label, start, end, rule, detail] each, offsets into
 * the document text (the `codes` view reads them back). Written out by hand rather than through
 * JSON.stringify of an array per code: the same kinds, labels and rules recur in every provision,
 * and their JSON is kept (see jsonString).
 */
function machineCodesJson(annotations: Annotation[]): string {
  let json = '[';
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i];
    json += `${i ? ',' : ''}[${jsonString(a.kind)},${jsonString(a.label)},${a.start},${a.end},${jsonString(a.rule)}`;
    // Details vary (a topic's says its score and terms): kept, they would fill the memory.
    json += a.detail === undefined ? ']' : `,${JSON.stringify(a.detail)}]`;
  }
  return json + ']';
}

/** JSON strings of the kinds, labels and rules of codes: a few thousand, lexicon rows and rule names. */
const jsonString = memoize((text) => JSON.stringify(text), 20_000);

function insertProvisionsAndAnnotations(db: Db, id: string, doc: Doc, deferred: DeferredRows | null): number[] {
  const byProvision = doc.provisions.map(() => [] as Annotation[]);
  for (const a of doc.annotations) {
    checkAnnotation(a, doc.provisions.length);
    byProvision[a.provision].push(a);
  }
  const insertProvision = prepared(
    db,
    'INSERT INTO provisions (doc_id, idx, start, end, section, paragraph, text, machine_codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ids: number[] = [];
  for (const p of doc.provisions)
    ids.push(Number(insertProvision.run(id, p.index, p.start, p.end, p.section, p.paragraph, p.text, machineCodesJson(byProvision[p.index])).lastInsertRowid));
  const facts = { docId: id, language: doc.language, date: doc.date, parties: doc.parties };
  const documentTokens = documentFactTokens(facts);
  const entries = doc.provisions.map((p, i) => ({
    rowid: ids[i],
    // The coding stages have tokenized every provision already: their tokens spare a second scan.
    stems: indexTokensOrText(doc, p.start, p.end),
    codes: indexFacts({ ...facts, codes: byProvision[i] }, documentTokens),
  }));
  if (deferred) deferred.index.push(...entries);
  else insertIndexEntries(db, entries);
  return ids;
}

const KINDS = new Set<string>(ANNOTATION_KINDS);

/** Where an error about an annotation is (built only for the error). */
const placeOf = (a: Annotation) => `annotation of provision ${a.provision}`;

/** What the `codes` view needs of an annotation, checked before it is stored. */
function checkAnnotation(a: Annotation, provisions: number): void {
  if (!KINDS.has(a.kind)) throw new EntenteError(`unknown annotation kind "${a.kind}"`, placeOf(a), `use one of ${ANNOTATION_KINDS.join(', ')}`);
  if (!Number.isInteger(a.provision) || a.provision < 0 || a.provision >= provisions)
    throw new EntenteError('the annotation points to no provision of the document', placeOf(a));
  if (typeof a.label !== 'string' || typeof a.rule !== 'string' || !Number.isInteger(a.start) || !Number.isInteger(a.end))
    throw new EntenteError('the annotation lacks a label, a rule or integer offsets', placeOf(a));
}

function indexTokensOrText(doc: Doc, start: number, end: number): string {
  const tokens = tokensIfComputed(doc, start, end);
  return tokens ? indexTokens(tokens, doc.language) : indexText(doc.text, doc.language, start, end);
}

/** Adds entries to the full-text index. */
export function insertIndexEntries(db: Db, entries: IndexEntry[]): void {
  const insert = prepared(db, 'INSERT INTO provision_index (rowid, stems, codes) VALUES (?, ?, ?)');
  for (const e of entries) insert.run(e.rowid, e.stems, e.codes);
}

/**
 * Rewrites the index entries of some provisions of a document from the codes in force (after a
 * correction, or after corrections were re-anchored by a re-analysis).
 */
export function reindexProvisions(db: Db, docId: string, provisionIds?: number[]): void {
  const d = db.prepare('SELECT language, date, parties FROM documents WHERE id = ?').get(docId) as
    { language: string; date: string | null; parties: string } | undefined;
  if (!d) return;
  const rows = db.prepare('SELECT id, text FROM provisions WHERE doc_id = ?').all(docId) as { id: number; text: string }[];
  const wanted = provisionIds ? new Set(provisionIds) : null;
  const codesOf = db.prepare('SELECT kind, label FROM codes WHERE provision_id = ?');
  const remove = db.prepare('DELETE FROM provision_index WHERE rowid = ?');
  const insert = db.prepare('INSERT INTO provision_index (rowid, stems, codes) VALUES (?, ?, ?)');
  const parties = JSON.parse(d.parties) as string[];
  for (const r of rows) {
    if (wanted && !wanted.has(r.id)) continue;
    remove.run(r.id);
    insert.run(
      r.id,
      indexText(r.text, d.language),
      indexFacts({ docId, language: d.language, date: d.date, parties, codes: codesOf.all(r.id) as { kind: string; label: string }[] }),
    );
  }
}

/**
 * Indexes every stored provision again if the word lists the index keys depend on changed since
 * the index was written (or it was written before they were recorded): otherwise queries, which
 * skip the words of today's lists, would miss entries written with yesterday's.
 */
export function ensureIndexCurrent(db: Db): void {
  const current = indexFingerprint();
  const stored = db.prepare("SELECT value FROM index_settings WHERE key = 'index_keys'").pluck().get();
  if (stored === current) return;
  db.transaction(() => {
    for (const id of db.prepare('SELECT id FROM documents').pluck().all() as string[]) reindexProvisions(db, id);
    db.prepare("INSERT OR REPLACE INTO index_settings (key, value) VALUES ('index_keys', ?)").run(current);
  })();
}

/** Removes a document's provisions and their index entries. */
function deleteProvisions(db: Db, id: string): void {
  db.prepare('DELETE FROM provision_index WHERE rowid IN (SELECT id FROM provisions WHERE doc_id = ?)').run(id);
  db.prepare('DELETE FROM provisions WHERE doc_id = ?').run(id);
}

/**
 * Stores an analysed document in one transaction: either all of it is there afterwards, or
 * nothing. A document whose text is already stored is left as it is ("unchanged").
 * With `defer`, its full-text index entries are handed back instead of written: a
 * bulk writer adds a batch's rows at once, in the transaction that commits the batch.
 */
export function saveDocument(db: Db, doc: Doc, options: { defer?: DeferredRows } = {}): { id: string; status: 'added' | 'unchanged' } {
  const hash = documentHash(doc.text);
  const id = idOf(hash);
  const rows: DeferredRows | null = options.defer ? { index: [] } : null;
  const saved = db.transaction(() => {
    if (prepared(db, 'SELECT 1 FROM documents WHERE hash = ?').get(hash)) return { id, status: 'unchanged' as const };
    const now = new Date().toISOString();
    prepared(
      db,
      `INSERT INTO documents (id, hash, path, name, format, encoding, language, doc_type, date, title, parties, text, lines, field_evidence, analyzer_version, ingested_at, analyzed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      hash,
      doc.source.path,
      path.basename(doc.source.path),
      doc.source.format,
      doc.source.encoding,
      doc.language,
      doc.docType,
      doc.date,
      doc.title,
      JSON.stringify(doc.parties),
      doc.text,
      JSON.stringify(doc.lines),
      JSON.stringify(doc.fieldEvidence),
      ANALYZER_VERSION,
      now,
      now,
    );
    insertProvisionsAndAnnotations(db, id, doc, rows);
    return { id, status: 'added' as const };
  })();
  // Handed over only once the document is stored.
  if (rows) options.defer!.index.push(...rows.index);
  return saved;
}

/**
 * Replaces the machine analysis of a stored document with a new one, in one transaction.
 * Human corrections are kept and re-anchored to the provision with the same text.
 */
export function replaceAnalysis(db: Db, id: string, doc: Doc): { reanchored: number; orphaned: number } {
  return db.transaction(() => {
    db.prepare(
      'UPDATE documents SET language = ?, doc_type = ?, date = ?, title = ?, parties = ?, lines = ?, field_evidence = ?, analyzer_version = ?, analyzed_at = ? WHERE id = ?',
    ).run(
      doc.language,
      doc.docType,
      doc.date,
      doc.title,
      JSON.stringify(doc.parties),
      JSON.stringify(doc.lines),
      JSON.stringify(doc.fieldEvidence),
      ANALYZER_VERSION,
      new Date().toISOString(),
      id,
    );
    deleteProvisions(db, id);
    const ids = insertProvisionsAndAnnotations(db, id, doc, null);
    let reanchored = 0;
    let orphaned = 0;
    const byText = new Map(doc.provisions.map((p) => [normalizeForAlignment(p.text), p]));
    const corrections = db.prepare('SELECT id, provision_idx, provision_text FROM corrections WHERE doc_id = ? AND active = 1').all(id) as Row[];
    for (const c of corrections) {
      const target = byText.get(normalizeForAlignment(String(c.provision_text)));
      if (!target) {
        orphaned++;
        continue;
      }
      if (target.index !== c.provision_idx) reanchored++;
      db.prepare('UPDATE corrections SET provision_idx = ? WHERE id = ?').run(target.index, c.id);
      db.prepare('UPDATE annotations SET provision_id = ?, provision_idx = ?, start = ?, end = ? WHERE correction_id = ?').run(
        ids[target.index],
        target.index,
        target.start,
        target.end,
        c.id,
      );
    }
    if (corrections.length) reindexProvisions(db, id);
    return { reanchored, orphaned };
  })();
}

const DOC_COLUMNS = `d.id, d.path, d.name, d.format, d.language, d.doc_type, d.date, d.title, d.parties, d.ingested_at, d.analyzed_at, d.analyzer_version,
  (SELECT count(*) FROM provisions p WHERE p.doc_id = d.id) AS provisions`;

function toStored(row: Row): StoredDocument {
  return { ...(row as unknown as StoredDocument), parties: JSON.parse(String(row.parties)) };
}

export function listDocuments(db: Db, filter: { language?: string; party?: string; from?: string; to?: string } = {}): StoredDocument[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.language) (where.push('d.language = ?'), params.push(filter.language));
  if (filter.party) (where.push('EXISTS (SELECT 1 FROM json_each(d.parties) WHERE value = ?)'), params.push(filter.party));
  if (filter.from) (where.push('d.date >= ?'), params.push(filter.from));
  if (filter.to) (where.push('d.date <= ?'), params.push(filter.to));
  const sql = `SELECT ${DOC_COLUMNS} FROM documents d ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.date IS NULL, d.date, d.name`;
  return (db.prepare(sql).all(...params) as Row[]).map(toStored);
}

/**
 * Finds a stored document the way every command names one: its id, a unique id prefix, or
 * its file name with or without extension.
 */
export function findDocument(db: Db, ref: string): StoredDocument {
  // Each way of naming a document is an indexed lookup: exact id, name or path, then an id
  // prefix, then a file name without its extension (names in [ref., ref/) ).
  const by = (where: string, ...params: unknown[]) => db.prepare(`SELECT ${DOC_COLUMNS} FROM documents d WHERE ${where} LIMIT 6`).all(...params) as Row[];
  let hits = by('d.id = ? OR d.name = ? OR d.path = ?', ref, ref, ref);
  if (!hits.length && /^[0-9a-f]{1,16}$/.test(ref)) hits = by('d.id >= ? AND d.id < ?', ref, `${ref}g`);
  if (!hits.length) hits = by('d.name >= ? AND d.name < ?', `${ref}.`, `${ref}/`);
  if (hits.length === 1) return toStored(hits[0]);
  if (!hits.length) throw new EntenteError(`no stored document matches "${ref}"`, 'documents', 'run "entente list" to see ids and names');
  throw new EntenteError(
    `"${ref}" matches ${hits.length > 5 ? 'several' : hits.length} documents (${hits
      .slice(0, 5)
      .map((r) => `${r.id} ${r.name}`)
      .join('; ')})`,
    'documents',
    'give a longer id prefix',
  );
}

export function documentText(
  db: Db,
  id: string,
): { text: string; lines: MetaLine[]; fieldEvidence: Record<string, string>; path: string; format: string; encoding: string } {
  const row = db.prepare('SELECT text, lines, field_evidence, path, format, encoding FROM documents WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new EntenteError(`no document ${id}`, 'documents');
  return {
    text: String(row.text),
    lines: JSON.parse(String(row.lines)),
    fieldEvidence: JSON.parse(String(row.field_evidence)),
    path: String(row.path),
    format: String(row.format),
    encoding: String(row.encoding),
  };
}

export function documentProvisions(db: Db, id: string): StoredProvision[] {
  return db.prepare('SELECT idx, start, end, section, text FROM provisions WHERE doc_id = ? ORDER BY idx').all(id) as StoredProvision[];
}

/**
 * The codes in force for a document: for each provision and kind, the analyst's correction
 * if there is one, else the machine's codes. Each annotation says which it is (`origin`).
 */
export function effectiveAnnotations(db: Db, id: string): StoredAnnotation[] {
  const rows = db
    .prepare(
      `SELECT a.provision_idx AS provision, a.kind, a.label, a.start, a.end, a.rule, a.detail, a.origin, a.correction_id
       FROM codes a
       WHERE a.provision_id IN (SELECT id FROM provisions WHERE doc_id = ?)
       ORDER BY a.provision_idx, a.kind, a.start`,
    )
    .all(id) as Row[];
  return rows.map((r) => ({ ...(r as unknown as StoredAnnotation), detail: (r.detail as string | null) ?? undefined }));
}

export type { AnnotationKind };

/** Rebuilds the central document type from the database, with the codes in force. */
export function loadDoc(db: Db, ref: string): { doc: Doc; stored: StoredDocument; annotations: StoredAnnotation[] } {
  const stored = findDocument(db, ref);
  const t = documentText(db, stored.id);
  const annotations = effectiveAnnotations(db, stored.id);
  const doc: Doc = {
    source: { path: t.path, format: t.format as Doc['source']['format'], encoding: t.encoding, hints: {} },
    text: t.text,
    language: stored.language,
    docType: stored.doc_type,
    date: stored.date,
    title: stored.title,
    parties: stored.parties,
    provisions: db
      .prepare('SELECT idx AS "index", start, end, section, paragraph, text FROM provisions WHERE doc_id = ? ORDER BY idx')
      .all(stored.id)
      .map((p) => ({ ...(p as Doc['provisions'][number]), heading: null })),
    lines: t.lines,
    annotations,
    diagnostics: [],
    fieldEvidence: t.fieldEvidence,
  };
  return { doc, stored, annotations };
}
