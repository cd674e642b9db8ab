import type { Db } from '../store/database.ts';
import { loadTopicModel, topicEvidence } from '../analyze/topics/stage.ts';
import { contentStems, jaccard, wordDiff, type DiffOp } from './similarity.ts';
import { stemmerFor } from '../lang/stem.ts';
import { tokenize } from '../core/tokenize.ts';

/**
 * Positions: the same stance taken again and again across documents — the same act on the same
 * target, in similar wording. Candidate pairs come from blocks keyed by (act, target) and by
 * (act, rare stem), never from all pairs, and are linked when their wording is close enough;
 * linked provisions form a position. Working state lives in temporary SQLite tables, so memory
 * stays bounded whatever the corpus size.
 */

/** Acts that express a position; assert and report are too generic to group on. */
const POSITION_ACTS = new Set(['oppose', 'support', 'concern', 'call', 'commit']);
/**
 * Wording similarity (content stems) needed to link two provisions: lowest when they share a
 * specific multiword target ("mesures coercitives unilatérales"), higher when they share an
 * entity or a one-word term, highest when they only share rare words.
 */
export const LINK_THRESHOLD = { sharedPhrase: 0.08, sharedEntity: 0.25, sharedWord: 0.3, wordingOnly: 0.5 };
/** Acts grouped as one stance: concern sides with opposition, a commitment to something with support for it. */
const ACT_FAMILY: Record<string, string> = { concern: 'oppose', commit: 'support' };
/** Blocks larger than this compare each member with its neighbours only. */
const MAX_BLOCK_PAIRS = 200;

export interface PositionSummary {
  id: number;
  act: string;
  target: string;
  label: string;
  firstSeen: string | null;
  lastSeen: string | null;
  documents: number;
  provisions: number;
  entities: string[];
  topics: string[];
}

export interface PositionDetail extends PositionSummary {
  members: { provisionId: number; docId: string; docName: string; date: string | null; index: number; text: string }[];
  variants: { text: string; count: number; firstSeen: string | null; diff: DiffOp[] }[];
}

function ensureTables(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS positions (
      id INTEGER PRIMARY KEY, act TEXT NOT NULL, target TEXT NOT NULL, label TEXT NOT NULL,
      first_seen TEXT, last_seen TEXT, documents INTEGER NOT NULL, provisions INTEGER NOT NULL,
      entities TEXT NOT NULL, topics TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS position_members (
      position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE, provision_id INTEGER NOT NULL, doc_id TEXT NOT NULL,
      PRIMARY KEY (position_id, provision_id));
    CREATE INDEX IF NOT EXISTS position_members_provision ON position_members(provision_id);
    CREATE TABLE IF NOT EXISTS entente_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
}

/** A fingerprint of what positions were built from: rebuilt when documents or codes change. */
function corpusStamp(db: Db): string {
  const r = db.prepare('SELECT count(*) AS n, max(analyzed_at) AS a FROM documents').get() as { n: number; a: string | null };
  const c = db.prepare('SELECT count(*) AS n, max(created_at) AS a FROM corrections').get() as { n: number; a: string | null };
  return `${r.n}|${r.a}|${c.n}|${c.a}`;
}

export function positionsAreCurrent(db: Db): boolean {
  ensureTables(db);
  const row = db.prepare("SELECT value FROM entente_state WHERE key = 'positions_stamp'").get() as { value: string } | undefined;
  return row?.value === corpusStamp(db);
}

interface Signature {
  pid: number;
  doc: string;
  date: string | null;
  acts: string[];
  stems: Set<string>;
  targets: string[];
}

/**
 * Rebuilds the positions of the whole database. Returns counts; `onProgress` is called with the
 * number of provisions read.
 */
export function buildPositions(db: Db, onProgress?: (read: number) => void): { positions: number; provisions: number; pairs: number } {
  ensureTables(db);
  const stamp = corpusStamp(db);
  db.exec(`
    DROP TABLE IF EXISTS temp.position_sig; DROP TABLE IF EXISTS temp.position_block;
    CREATE TEMP TABLE position_sig (pid INTEGER PRIMARY KEY, doc TEXT, date TEXT, acts TEXT, stems TEXT, targets TEXT);
    CREATE TEMP TABLE position_block (key TEXT, pid INTEGER);
  `);
  const page = db.prepare(
    `SELECT p.id, p.doc_id, p.text, d.date, d.language, d.parties,
            (SELECT group_concat(label) FROM codes c WHERE c.provision_id = p.id AND c.kind = 'act') AS acts,
            (SELECT group_concat(label) FROM codes c WHERE c.provision_id = p.id AND c.kind = 'entity') AS entities
     FROM provisions p JOIN documents d ON d.id = p.doc_id WHERE p.id > ? ORDER BY p.id LIMIT 2000`,
  );
  // Pages by id: the connection cannot write while a statement is being iterated.
  function* provisionRows(): Generator<Record<string, unknown>> {
    let after = 0;
    for (;;) {
      const rows = page.all(after) as Record<string, unknown>[];
      if (!rows.length) return;
      yield* rows;
      after = Number(rows[rows.length - 1].id);
    }
  }
  // Pass 1: document frequency of stems among position-taking provisions (vocabulary-sized, not corpus-sized).
  const df = new Map<string, number>();
  const signatureOf = (r: Record<string, unknown>): Signature | null => {
    const acts = String(r.acts ?? '')
      .split(',')
      .filter((a) => POSITION_ACTS.has(a));
    if (!acts.length) return null;
    const language = String(r.language);
    const parties = new Set<string>(JSON.parse(String(r.parties)));
    const entities = [
      ...new Set(
        String(r.entities ?? '')
          .split(',')
          .filter((e) => e && !parties.has(e)),
      ),
    ];
    const text = String(r.text);
    const model = loadTopicModel(language);
    const terms = topicEvidence(text, 0, text.length, model, [], true)
      .filter((e) => e.weight >= 3)
      .map(
        (e) =>
          `term:${tokenize(text.slice(e.start, e.end))
            .map((t) => stemmerFor(language)(t.raw))
            .join(' ')}`,
      );
    return {
      pid: Number(r.id),
      doc: String(r.doc_id),
      date: (r.date as string | null) ?? null,
      acts,
      stems: contentStems(text, language),
      targets: [...new Set([...entities.map((e) => `entity:${e}`), ...terms])],
    };
  };
  let read = 0;
  for (const r of provisionRows()) {
    const acts = String(r.acts ?? '').split(',');
    if (!acts.some((a) => POSITION_ACTS.has(a))) continue;
    for (const s of contentStems(String(r.text), String(r.language))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  // Pass 2: signatures and blocking keys, into temporary tables.
  const insertSig = db.prepare('INSERT INTO position_sig (pid, doc, date, acts, stems, targets) VALUES (?, ?, ?, ?, ?, ?)');
  const insertBlock = db.prepare('INSERT INTO position_block (key, pid) VALUES (?, ?)');
  let batch = 0;
  db.exec('BEGIN');
  for (const r of provisionRows()) {
    if (++read % 10000 === 0) onProgress?.(read);
    const sig = signatureOf(r);
    if (!sig) continue;
    insertSig.run(sig.pid, sig.doc, sig.date, sig.acts.join(','), [...sig.stems].join(' '), sig.targets.join('|'));
    const rare = [...sig.stems]
      .filter((s) => (df.get(s) ?? 0) >= 2)
      .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1))
      .slice(0, 2);
    for (const act of new Set(sig.acts.map((a) => ACT_FAMILY[a] ?? a))) {
      for (const t of sig.targets) insertBlock.run(`${act}|${t}`, sig.pid);
      for (const s of rare) insertBlock.run(`${act}|stem:${s}`, sig.pid);
    }
    if (++batch % 50000 === 0) (db.exec('COMMIT'), db.exec('BEGIN'));
  }
  db.exec('COMMIT');
  db.exec('CREATE INDEX temp.position_block_key ON position_block(key, pid)');
  // Pass 3: within each block, link provisions whose wording is close enough; each linked group
  // that spans two documents is a position on that block's (act, target). Clustering inside a
  // block keeps one generic link from chaining unrelated stances together.
  const getSig = db.prepare('SELECT pid, doc, acts, stems FROM position_sig WHERE pid = ?');
  const cache = new Map<number, { doc: string; stems: Set<string> }>();
  const load = (pid: number) => {
    let sig = cache.get(pid);
    if (!sig) {
      const r = getSig.get(pid) as { doc: string; stems: string };
      sig = { doc: r.doc, stems: new Set(r.stems.split(' ').filter(Boolean)) };
      if (cache.size > 10000) cache.clear();
      cache.set(pid, sig);
    }
    return sig;
  };
  let pairs = 0;
  const signatures = (db.prepare('SELECT count(*) AS n FROM position_sig').get() as { n: number }).n;
  // A target shared by many provisions ("droit international") is generic: it links nothing by itself.
  const genericSize = Math.max(6, Math.ceil(signatures * 0.01));
  const groupPage = db.prepare(
    'SELECT key, group_concat(pid) AS pids FROM position_block WHERE key > ? GROUP BY key HAVING count(*) > 1 ORDER BY key LIMIT 1000',
  );
  function* blockGroups(): Generator<{ key: string; pids: string }> {
    let after = '';
    for (;;) {
      const rows = groupPage.all(after) as { key: string; pids: string }[];
      if (!rows.length) return;
      yield* rows;
      after = rows[rows.length - 1].key;
    }
  }
  const member = db.prepare('SELECT s.pid, s.doc, s.date, s.targets, p.text FROM position_sig s JOIN provisions p ON p.id = s.pid WHERE s.pid = ?');
  const topicsOf = db.prepare("SELECT label FROM codes WHERE kind = 'topic' AND provision_id = ?");
  const tally = (values: string[]) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const candidates: { act: string; target: string; members: number[] }[] = [];
  const byKey = new Map<string, { act: string; target: string; members: number[] }>();
  const rank = (t: string) => (t.startsWith('term:') ? (t.includes(' ') ? 0 : 2) : t.startsWith('entity:') ? 1 : 3);
  for (const g of blockGroups()) {
    const pids = g.pids.split(',').map(Number);
    const act = g.key.slice(0, g.key.indexOf('|'));
    const target = g.key.slice(g.key.indexOf('|') + 1);
    const threshold =
      pids.length > genericSize
        ? LINK_THRESHOLD.wordingOnly
        : target.startsWith('entity:')
          ? LINK_THRESHOLD.sharedEntity
          : target.startsWith('term:')
            ? target.includes(' ')
              ? LINK_THRESHOLD.sharedPhrase
              : LINK_THRESHOLD.sharedWord
            : LINK_THRESHOLD.wordingOnly;
    const parent = new Map(pids.map((p) => [p, p]));
    const find = (x: number): number => {
      // Path halving keeps the trees flat, so large blocks stay linear.
      while (parent.get(x) !== x) {
        const up = parent.get(parent.get(x)!)!;
        parent.set(x, up);
        x = up;
      }
      return x;
    };
    const window = pids.length > MAX_BLOCK_PAIRS ? 20 : pids.length;
    for (let i = 0; i < pids.length; i++) {
      const a = load(pids[i]);
      for (let j = i + 1; j < Math.min(pids.length, i + window); j++) {
        const b = load(pids[j]);
        if (a.doc === b.doc || find(pids[i]) === find(pids[j])) continue;
        pairs++;
        if (jaccard(a.stems, b.stems) >= threshold) parent.set(find(pids[i]), find(pids[j]));
      }
    }
    const components = new Map<number, number[]>();
    for (const p of pids) (components.get(find(p)) ?? components.set(find(p), []).get(find(p))!).push(p);
    for (const members of components.values()) {
      if (members.length < 2) continue;
      if (new Set(members.map((m) => load(m).doc)).size < 2) continue;
      // The same group found again through another shared target is kept once, under its most specific target.
      const named = target.startsWith('stem:') ? '' : target;
      const key = groupKey(act, members);
      const seen = byKey.get(key);
      if (seen) {
        if (rank(named) < rank(seen.target)) seen.target = named;
        continue;
      }
      const candidate = { act, target: named, members };
      byKey.set(key, candidate);
      candidates.push(candidate);
    }
  }
  // A group contained in a larger group of the same act is the same position seen through a narrower target.
  byKey.clear();
  // Larger first; among equals, the one named by a specific phrase, then by an entity, then by wording alone.
  candidates.sort((a, b) => b.members.length - a.members.length || rank(a.target) - rank(b.target));
  const accepted = new Map<number, number[]>();
  let written = 0;
  const covered = new Set<number>();
  db.exec('BEGIN');
  db.exec('DELETE FROM position_members; DELETE FROM positions;');
  const insertPosition = db.prepare(
    'INSERT INTO positions (act, target, label, first_seen, last_seen, documents, provisions, entities, topics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMember = db.prepare('INSERT INTO position_members (position_id, provision_id, doc_id) VALUES (?, ?, ?)');
  const acts = new Map<number, string>();
  const memberSets = new Map<number, Set<number>>();
  for (const { act, target, members } of candidates) {
    {
      const containers = accepted.get(members[0]) ?? [];
      if (containers.some((c) => acts.get(c) === act && members.every((m) => memberSets.get(c)!.has(m)))) continue;
      const rows = members.map((pid) => member.get(pid) as { pid: number; doc: string; date: string | null; targets: string; text: string });
      const docs = new Set(rows.map((r) => r.doc));
      if (docs.size < 2) continue;
      const entities = tally(rows.flatMap((r) => r.targets.split('|').filter((t) => t.startsWith('entity:'))))
        .filter(([, n]) => n * 2 >= rows.length)
        .map(([t]) => t.slice(7));
      const topics = tally(rows.flatMap((r) => (topicsOf.all(r.pid) as { label: string }[]).map((t) => t.label)))
        .filter(([, n]) => n * 2 >= rows.length)
        .map(([t]) => t);
      const dated = rows.filter((r) => r.date).sort((x, y) => x.date!.localeCompare(y.date!));
      const earliest = dated[0] ?? rows[0];
      const id = Number(
        insertPosition.run(
          act,
          target,
          earliest.text,
          dated[0]?.date ?? null,
          dated[dated.length - 1]?.date ?? null,
          docs.size,
          rows.length,
          JSON.stringify(entities),
          JSON.stringify(topics),
        ).lastInsertRowid,
      );
      for (const r of rows) (insertMember.run(id, r.pid, r.doc), covered.add(r.pid), (accepted.get(r.pid) ?? accepted.set(r.pid, []).get(r.pid)!).push(id));
      acts.set(id, act);
      memberSets.set(id, new Set(members));
      written++;
    }
  }
  db.prepare("INSERT OR REPLACE INTO entente_state (key, value) VALUES ('positions_stamp', ?)").run(stamp);
  db.exec('COMMIT');
  const provisionsInPositions = covered.size;
  db.exec('DROP TABLE IF EXISTS temp.position_sig; DROP TABLE IF EXISTS temp.position_block;');
  return { positions: written, provisions: provisionsInPositions, pairs };
}

/** A compact key for a group of provisions under one act (a hash of the sorted ids, with the size). */
function groupKey(act: string, members: number[]): string {
  const sorted = [...members].sort((a, b) => a - b);
  let h1 = 2166136261;
  let h2 = 0;
  for (const m of sorted) {
    h1 = Math.imul(h1 ^ m, 16777619);
    h2 = (h2 + Math.imul(m, 2654435761)) | 0;
  }
  return `${act}|${sorted.length}|${h1 >>> 0}|${h2 >>> 0}`;
}

function toSummary(r: Record<string, unknown>): PositionSummary {
  return {
    id: Number(r.id),
    act: String(r.act),
    target: String(r.target),
    label: String(r.label),
    firstSeen: (r.first_seen as string | null) ?? null,
    lastSeen: (r.last_seen as string | null) ?? null,
    documents: Number(r.documents),
    provisions: Number(r.provisions),
    entities: JSON.parse(String(r.entities)),
    topics: JSON.parse(String(r.topics)),
  };
}

/** Lists positions (rebuilding them first when the corpus changed), most widespread first. */
export function listPositions(
  db: Db,
  filter: { entity?: string; topic?: string; act?: string; limit?: number; offset?: number } = {},
): { total: number; positions: PositionSummary[] } {
  if (!positionsAreCurrent(db)) buildPositions(db);
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.act) (where.push('pos.act = ?'), params.push(filter.act));
  if (filter.entity)
    (where.push(
      "pos.id IN (SELECT m.position_id FROM position_members m JOIN codes c ON c.provision_id = m.provision_id WHERE c.kind = 'entity' AND c.label = ?)",
    ),
      params.push(filter.entity));
  if (filter.topic) (where.push('EXISTS (SELECT 1 FROM json_each(pos.topics) WHERE value = ?)'), params.push(filter.topic));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM positions pos ${w}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM positions pos ${w} ORDER BY documents DESC, provisions DESC, first_seen LIMIT ? OFFSET ?`)
    .all(...params, filter.limit ?? 50, filter.offset ?? 0) as Record<string, unknown>[];
  return { total, positions: rows.map(toSummary) };
}

/** One position with its provisions in date order and its wording variants (diff against the first). */
export function getPosition(db: Db, id: number): PositionDetail | null {
  if (!positionsAreCurrent(db)) buildPositions(db);
  const row = db.prepare('SELECT * FROM positions WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const members = db
    .prepare(
      `SELECT p.id AS provisionId, d.id AS docId, d.name AS docName, d.date, p.idx AS "index", p.text
         FROM position_members m JOIN provisions p ON p.id = m.provision_id JOIN documents d ON d.id = p.doc_id
         WHERE m.position_id = ? ORDER BY d.date IS NULL, d.date, d.name, p.idx`,
    )
    .all(id) as PositionDetail['members'];
  const byText = new Map<string, { count: number; firstSeen: string | null }>();
  for (const m of members) {
    const v = byText.get(m.text);
    if (v) v.count++;
    else byText.set(m.text, { count: 1, firstSeen: m.date });
  }
  const first = members[0]?.text ?? '';
  const variants = [...byText.entries()].map(([text, v]) => ({ text, ...v, diff: text === first ? [] : wordDiff(first, text) }));
  return { ...toSummary(row), members, variants };
}
