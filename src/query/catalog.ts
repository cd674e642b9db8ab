import { tokenize } from '../core/tokenize.ts';
import { stopwords } from './similarity.ts';
import type { Db } from '../store/database.ts';
import { loadGazetteer } from '../analyze/entities/gazetteer.ts';

export interface EntityCount {
  id: string;
  type: string;
  name: string;
  mentions: number;
  provisions: number;
  documents: number;
}

/** Entities mentioned in the stored documents, with mention counts (codes in force). */
export function entityCounts(db: Db, language = 'en'): EntityCount[] {
  const g = loadGazetteer(language);
  const rows = db
    .prepare(
      `SELECT label AS id, count(*) AS mentions, count(DISTINCT provision_id) AS provisions, count(DISTINCT doc_id) AS documents
       FROM codes WHERE kind = 'entity' GROUP BY label ORDER BY mentions DESC, label`,
    )
    .all() as { id: string; mentions: number; provisions: number; documents: number }[];
  return rows.map((r) => {
    const e = g.entities.get(r.id);
    return { ...r, type: e?.type ?? 'unknown', name: (language === 'fr' ? e?.names.fr : e?.names.en) ?? e?.names.en ?? r.id };
  });
}

export interface UnknownName {
  name: string;
  count: number;
  documents: number;
  example: string;
}

/**
 * Capitalised names and acronyms in the stored provisions that no gazetteer entry covers, most
 * frequent first: what a curator should consider adding. Sentence-initial single words are
 * skipped (capitalised by position, not by being names).
 */
export function unknownNames(db: Db, limit = 50): UnknownName[] {
  const counts = new Map<string, { count: number; docs: Set<string>; example: string }>();
  const covered = db.prepare("SELECT start, end FROM codes WHERE provision_id = ? AND kind = 'entity'");
  for (const p of db
    .prepare('SELECT p.id, p.doc_id, p.idx, p.start, p.text, d.language FROM provisions p JOIN documents d ON d.id = p.doc_id')
    .iterate() as Iterable<{
    id: number;
    doc_id: string;
    idx: number;
    start: number;
    text: string;
    language: string;
  }>) {
    const functionWords = stopwords(p.language);
    const spans = covered.all(p.id) as { start: number; end: number }[];
    const tokens = tokenize(p.text);
    let run: typeof tokens = [];
    const flush = () => {
      // Drop leading and trailing function words ("de la") kept only to join name parts.
      while (run.length && functionWords.has(run[0].norm)) run.shift();
      while (run.length && functionWords.has(run[run.length - 1].norm)) run.pop();
      const acronym = run.length === 1 && /^\p{Lu}{2,}[\p{Lu}\d]*$/u.test(run[0].raw.replace(/\./g, ''));
      if (run.length && (run.length > 1 || acronym || run[0].start > 0)) {
        const start = p.start + run[0].start;
        const end = p.start + run[run.length - 1].end;
        if (!spans.some((s) => s.start < end && start < s.end)) {
          const name = p.text.slice(run[0].start, run[run.length - 1].end);
          const entry = counts.get(name) ?? { count: 0, docs: new Set(), example: p.text.length > 160 ? p.text.slice(0, 159) + '…' : p.text };
          entry.count++;
          entry.docs.add(p.doc_id);
          counts.set(name, entry);
        }
      }
      run = [];
    };
    for (const t of tokens) {
      const capital = /^\p{Lu}/u.test(t.raw);
      const joiner = run.length > 0 && functionWords.has(t.norm) && t.raw.length <= 3;
      if (capital || joiner) run.push(t);
      else flush();
    }
    flush();
  }
  return [...counts.entries()]
    .map(([name, v]) => ({ name, count: v.count, documents: v.docs.size, example: v.example }))
    .filter((u) => u.name.length > 1)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export interface TopicCounts {
  overall: { topic: string; provisions: number }[];
  documents: { id: string; name: string; date: string | null; topics: Record<string, number> }[];
}

/** Provisions per topic, per document and overall. */
export function topicCounts(db: Db): TopicCounts {
  const overall = db
    .prepare("SELECT label AS topic, count(DISTINCT provision_id) AS provisions FROM codes WHERE kind = 'topic' GROUP BY label ORDER BY provisions DESC, label")
    .all() as TopicCounts['overall'];
  const documents: TopicCounts['documents'] = [];
  const byDoc = db.prepare(
    "SELECT label, count(DISTINCT provision_id) AS n FROM codes WHERE kind = 'topic' AND provision_id IN (SELECT id FROM provisions WHERE doc_id = ?) GROUP BY label ORDER BY n DESC, label",
  );
  for (const d of db.prepare('SELECT id, name, date FROM documents ORDER BY date IS NULL, date, name').all() as {
    id: string;
    name: string;
    date: string | null;
  }[])
    documents.push({ ...d, topics: Object.fromEntries((byDoc.all(d.id) as { label: string; n: number }[]).map((r) => [r.label, r.n])) });
  return { overall, documents };
}
