import type { Db } from '../store/database.ts';
import { findDocument } from '../store/documents.ts';
import { compareDocuments, REWORD_THRESHOLD, type ComparableDoc, type Comparison } from './compare.ts';
import { contentStems, jaccard } from './similarity.ts';
import { factToken } from './text-index.ts';

type Row = Record<string, unknown>;

/** A stored document as compare sees it: provisions with the codes in force. */
export function loadComparable(db: Db, ref: string): ComparableDoc {
  const d = findDocument(db, ref);
  const provisions = (db.prepare('SELECT id, idx, text FROM provisions WHERE doc_id = ? ORDER BY idx').all(d.id) as Row[]).map((p) => ({
    id: Number(p.id),
    index: Number(p.idx),
    text: String(p.text),
    acts: [] as string[],
    entities: [] as string[],
    topics: [] as string[],
  }));
  const field = { act: 'acts', entity: 'entities', topic: 'topics' } as const;
  for (const c of db
    .prepare(
      "SELECT provision_idx, kind, label FROM codes WHERE provision_id IN (SELECT id FROM provisions WHERE doc_id = ?) AND kind IN ('act', 'entity', 'topic')",
    )
    .all(d.id) as Row[]) {
    const list = provisions[Number(c.provision_idx)]?.[field[c.kind as keyof typeof field]];
    if (list && !list.includes(String(c.label))) list.push(String(c.label));
  }
  return { id: d.id, name: d.name, language: d.language, date: d.date, provisions };
}

export function compareStored(db: Db, refA: string, refB: string): Comparison {
  return compareDocuments(loadComparable(db, refA), loadComparable(db, refB));
}

export interface NewProvision {
  index: number;
  text: string;
  /** The closest earlier wording, if any came near. */
  closest: { docId: string; docName: string; date: string | null; text: string; similarity: number } | null;
}

/**
 * "What is new": the provisions of a document that match no provision of any earlier document
 * of the same parties (same wording after stemming, above the reword threshold).
 */
export function whatIsNew(db: Db, ref: string): { document: { id: string; name: string; date: string | null }; earlier: number; provisions: NewProvision[] } {
  const d = findDocument(db, ref);
  const target = loadComparable(db, d.id);
  const earlierDocs = (
    db
      .prepare(
        `SELECT id, name, date, language FROM documents
         WHERE id != ? AND parties = ? AND (date < ? OR (date IS NULL AND ? IS NOT NULL) OR (? IS NULL AND date IS NULL AND ingested_at < (SELECT ingested_at FROM documents WHERE id = ?)))`,
      )
      .all(d.id, JSON.stringify(d.parties), d.date, d.date, d.date, d.id) as Row[]
  ).filter((r) => r.language === d.language);
  const earlier: { doc: Row; text: string; stems: Set<string> }[] = [];
  const index = new Map<string, number[]>();
  for (const doc of earlierDocs)
    for (const p of db.prepare('SELECT text FROM provisions WHERE doc_id = ?').all(doc.id) as Row[]) {
      const stems = contentStems(String(p.text), d.language);
      for (const s of stems) (index.get(s) ?? index.set(s, []).get(s)!).push(earlier.length);
      earlier.push({ doc, text: String(p.text), stems });
    }
  const provisions: NewProvision[] = [];
  for (const p of target.provisions) {
    const stems = contentStems(p.text, d.language);
    const candidates = new Set<number>();
    for (const s of stems) for (const k of index.get(s) ?? []) candidates.add(k);
    let best: NewProvision['closest'] = null;
    for (const k of candidates) {
      const sim = jaccard(stems, earlier[k].stems);
      if (!best || sim > best.similarity)
        best = {
          docId: String(earlier[k].doc.id),
          docName: String(earlier[k].doc.name),
          date: (earlier[k].doc.date as string | null) ?? null,
          text: earlier[k].text,
          similarity: sim,
        };
    }
    if (!best || best.similarity < REWORD_THRESHOLD.sameLanguage) provisions.push({ index: p.index, text: p.text, closest: best });
  }
  return { document: { id: d.id, name: d.name, date: d.date }, earlier: earlierDocs.length, provisions };
}

export interface TimelineRow {
  date: string | null;
  docId: string;
  name: string;
  title: string | null;
  provisions: number;
  counts: Record<string, number>;
}

/**
 * Counts per document date of the provisions that carry a code (an entity, topic, act or
 * holder), broken down by another kind (acts by default): the data behind a timeline chart.
 */
export function timeline(
  db: Db,
  filter: { entity?: string; topic?: string; act?: string; holder?: string },
  by: 'act' | 'topic' | 'entity' | 'holder' = 'act',
): TimelineRow[] {
  // The provisions that carry every code of the filter, found in the full-text index (its codes
  // column holds the codes in force), as one temporary set; then one grouped pass for the
  // breakdown: no query per document.
  const terms: string[] = [];
  for (const kind of ['entity', 'topic', 'act', 'holder'] as const) {
    const label = filter[kind];
    if (label) terms.push(`codes : ${factToken(kind, label)}`);
  }
  db.exec('DROP TABLE IF EXISTS temp.timeline_hits; CREATE TEMP TABLE timeline_hits (id INTEGER PRIMARY KEY)');
  try {
    if (terms.length)
      db.prepare('INSERT OR IGNORE INTO timeline_hits (id) SELECT rowid FROM provision_index WHERE provision_index MATCH ?').run(terms.join(' AND '));
    else db.exec('INSERT INTO timeline_hits (id) SELECT id FROM provisions');
    const rows = db
      .prepare(
        `SELECT d.id, d.name, d.title, d.date, count(*) AS provisions
         FROM timeline_hits h CROSS JOIN provisions p ON p.id = h.id CROSS JOIN documents d ON d.id = p.doc_id
         GROUP BY d.id ORDER BY d.date IS NULL, d.date, d.name`,
      )
      .all() as Row[];
    const counts = new Map<string, Record<string, number>>();
    for (const c of db
      .prepare(
        `SELECT c.doc_id, c.label, count(DISTINCT c.provision_id) AS n
         FROM timeline_hits h CROSS JOIN codes c ON c.provision_id = h.id
         WHERE c.kind = ? GROUP BY c.doc_id, c.label ORDER BY n DESC, c.label`,
      )
      .all(by) as Row[]) {
      const doc = counts.get(String(c.doc_id)) ?? counts.set(String(c.doc_id), {}).get(String(c.doc_id))!;
      doc[String(c.label)] = Number(c.n);
    }
    return rows.map((r) => ({
      date: (r.date as string | null) ?? null,
      docId: String(r.id),
      name: String(r.name),
      title: (r.title as string | null) ?? null,
      provisions: Number(r.provisions),
      counts: counts.get(String(r.id)) ?? {},
    }));
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.timeline_hits');
  }
}
