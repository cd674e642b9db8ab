import type { Db } from '../store/database.ts';
import { loadTopicModel, topicEvidence } from '../analyze/topics/stage.ts';
import { contentStems, jaccard, stemmedTokens, stopwords, wordDiff, type DiffOp } from './similarity.ts';
import { stemmerFor } from '../lang/stem.ts';
import { tokenize } from '../core/tokenize.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EntenteError } from '../core/types.ts';
import { foldAccents } from '../core/normalize.ts';
import { dataLanguages, languageDir } from '../lang/language-data.ts';
import { readTsv } from '../lang/tsv.ts';

/**
 * Positions: the same stance taken again and again across documents — for or against the same
 * target, in similar wording. A provision is cut into clauses at its act cues ("continueront de
 * pratiquer X, ... et de s'opposer à Y" holds a stance for X and one against Y); each clause is a
 * stance unit with a polarity and its targets (entities and multiword terms). Clauses worded alike
 * are one unit, whatever the number of documents repeating them. Candidate pairs come from blocks
 * keyed by target (and by rare stems), never from all pairs; linked units form a position. Working
 * state lives in temporary SQLite tables and typed arrays, so memory stays small whatever the
 * corpus size.
 */

/** Polarity of a stance unit: for its targets, against them, or unknown (a statement of view). */
const NEUTRAL = 0;
const FOR = 1;
const AGAINST = 2;
/** Acts give a unit its polarity; report recounts events and takes no stance. */
const ACT_POLARITY: Record<string, number> = { support: FOR, commit: FOR, call: FOR, oppose: AGAINST, concern: AGAINST, assert: NEUTRAL };
/** When two act cues overlap, the stronger one governs the clause. */
const ACT_STRENGTH: Record<string, number> = { oppose: 6, concern: 5, support: 4, commit: 3, call: 2, assert: 1 };
/** Content words after a marker (or a target against) within which a target is against. */
const MARKER_REACH = 4;
/**
 * The words positions read, from `data/lang/<lang>/positions.tsv` of every language (a corpus mixes
 * languages): beginnings of words that turn what follows against its object ("lutte contre X",
 * "counter X"), words opening a relative clause, words making "que"/"as" a comparison, prefixes
 * negating a term ("non-ingérence"). Accent-folded.
 */
interface StanceWords {
  against: string[];
  relative: Set<string>;
  comparative: Set<string>;
  negatingPrefix: Set<string>;
}
const STANCE_WORD_KINDS = ['against', 'relative', 'comparative', 'negating-prefix'] as const;
let stanceWordsCache: StanceWords | null = null;

export function stanceWords(): StanceWords {
  if (stanceWordsCache) return stanceWordsCache;
  const found = new Map<string, Set<string>>(STANCE_WORD_KINDS.map((k) => [k, new Set<string>()]));
  for (const lang of dataLanguages()) {
    const file = path.join(languageDir(lang), 'positions.tsv');
    if (!existsSync(file)) continue;
    for (const row of readTsv(file, ['kind', 'words'])) {
      const set = found.get(row.cells.kind);
      if (!set) throw new EntenteError(`unknown kind "${row.cells.kind}"`, row.where, `use one of ${STANCE_WORD_KINDS.join(', ')}`);
      for (const w of row.cells.words.split(/\s+/).filter(Boolean)) set.add(foldAccents(w));
    }
  }
  stanceWordsCache = {
    against: [...found.get('against')!],
    relative: found.get('relative')!,
    comparative: found.get('comparative')!,
    negatingPrefix: found.get('negating-prefix')!,
  };
  return stanceWordsCache;
}
/** Content words after the cue within which a target is what the clause is about. */
const HEAD_REACH = 12;
/**
 * Wording similarity needed to link two units in a block: the clauses' content stems, or the
 * words around the shared target. Lowest when they share a specific multiword target or an
 * entity, higher for a one-word term, highest when they only share rare words or a target so
 * common it says nothing by itself.
 */
export const LINK_THRESHOLD = { specific: 0.08, common: 0.2, wordingOnly: 0.4 };
/** The words around a shared target may stand in for the whole clause's wording, at this much more. */
const CONTEXT_MARGIN = 0.15;
/** Words on each side of a target that make its context. */
const CONTEXT = 5;
/** Blocks larger than this compare each member with its neighbours only (sub-quadratic)... */
const MAX_BLOCK_PAIRS = 200;
/** ...this many after it in each order of the block. */
const NEIGHBOURS = 20;

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

interface Span {
  label: string;
  start: number;
  end: number;
}

interface Target {
  key: string;
  /** A named entity other than a state, a multiword term or a strong one-word term: it names a stance's object by itself. */
  specific: boolean;
  /** A term negated by its own prefix ("non-ingérence"): keyed as what it negates, with the opposite polarity. */
  negated: boolean;
  surface: string;
  start: number;
  end: number;
}

/** A clause of a provision that takes one stance: its polarity, its targets and its wording. */
interface Unit {
  pol: number;
  /** The clause, from its act cue to the next cue, as offsets in the provision text. */
  start: number;
  end: number;
  stems: Set<string>;
  /** Its targets; a head target is what the act bears on (close after the cue or the marker), not a word further down the clause. */
  targets: Map<string, { surface: string; context: Set<string>; head: boolean; specific: boolean }>;
  topics: string;
}

function spans(list: unknown): Span[] {
  if (!list) return [];
  return String(list)
    .split(';')
    .map((s) => {
      const [label, start, end] = s.split(':');
      return { label, start: Number(start), end: Number(end) };
    });
}

const isMarker = (norm: string) => stanceWords().against.some((m) => norm.startsWith(m));

/** Cuts a provision into stance units at its act cues. */
function unitsOf(text: string, language: string, actSpans: Span[], targets: Target[], topics: string): Unit[] {
  // An act coded by hand covers the whole provision: it governs all of it.
  const cues = actSpans
    .filter((a) => a.label in ACT_POLARITY)
    .map((a) => (a.start <= 0 && a.end >= text.length ? { ...a, end: 0 } : a))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (!cues.length) return [];
  const merged: Span[] = [];
  for (const c of cues) {
    const last = merged[merged.length - 1];
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      if (ACT_STRENGTH[c.label] > ACT_STRENGTH[last.label]) last.label = c.label;
    } else merged.push({ ...c });
  }
  const tokens = stemmedTokens(text, language);
  const segments = [{ pol: NEUTRAL, cue: 0, start: 0, end: merged[0].start }];
  merged.forEach((c, i) => segments.push({ pol: ACT_POLARITY[c.label], cue: c.start, start: c.end, end: merged[i + 1]?.start ?? text.length }));
  const units: Unit[] = [];
  let previous: Unit[] = [];
  for (const seg of segments) {
    const toks = tokens.filter((t) => t.start >= seg.start && t.end <= seg.end);
    const inside = targets.filter((t) => t.start >= seg.start && t.end <= seg.end).sort((a, b) => a.start - b.start);
    if (!inside.length) {
      // A cue after its object ("... ne doivent être ni adoptées ni reconnues") gives the preceding statement of view its polarity.
      if (seg.pol !== NEUTRAL && toks.every((t) => !t.stem || t.end <= seg.start)) for (const u of previous) if (u.pol === NEUTRAL) u.pol = seg.pol;
      previous = [];
      continue;
    }
    const stems = new Set(toks.flatMap((t) => (t.stem ? [t.stem] : [])));
    const byPol = new Map<number, Unit>();
    // Content words since the point that governs a target (the cue), since the last marker or
    // target against, and whether a relative clause has begun (what follows describes a target).
    let words = 0;
    let sinceAgainst = Infinity;
    let relative = false;
    let outer: { end: number; pol: number; entity: boolean } | null = null;
    let ti = 0;
    for (const target of inside) {
      while (ti < toks.length && toks[ti].start < target.start) {
        const norm = toks[ti].norm;
        if (isMarker(norm)) sinceAgainst = 0;
        else if (toks[ti].stem) (words++, sinceAgainst++);
        if (ti > 0 && stanceWords().relative.has(norm) && !stanceWords().comparative.has(toks[ti - 1].norm) && toks[ti - 1].start >= (inside[0].end ?? 0))
          relative = true;
        ti++;
      }
      const governed = sinceAgainst <= MARKER_REACH ? AGAINST : seg.pol;
      // A term inside a name ("Traité sur la non-prolifération") takes the name's polarity.
      const container: { end: number; pol: number; entity: boolean } | null = outer && target.start < outer.end ? outer : null;
      const pol: number = container ? container.pol : target.negated ? (governed === AGAINST ? FOR : AGAINST) : governed;
      if (!container) outer = { end: target.end, pol, entity: target.key.startsWith('entity:') };
      let unit = byPol.get(pol);
      if (!unit) byPol.set(pol, (unit = { pol, start: seg.cue, end: seg.end, stems, targets: new Map(), topics }));
      const from = Math.max(0, ti - CONTEXT);
      let to = ti;
      while (to < toks.length && toks[to].start < target.end) to++;
      const context = new Set(toks.slice(from, Math.min(toks.length, to + CONTEXT)).flatMap((t) => (t.stem ? [t.stem] : [])));
      // A statement of view is about its subject, the first target (and the terms inside it).
      // The words of a name are not targets of their own: "Traité sur la non-prolifération" is the treaty.
      const head = words <= HEAD_REACH && !relative && !container?.entity && (seg.pol !== NEUTRAL || pol !== NEUTRAL || target.start < inside[0].end);
      const seen = unit.targets.get(target.key);
      if (!seen) unit.targets.set(target.key, { surface: target.surface, context, head, specific: target.specific });
      else if (head && !seen.head) Object.assign(seen, { context, head });
      if (pol === AGAINST) sinceAgainst = 0;
    }
    previous = [...byPol.values()];
    units.push(...previous);
  }
  return units;
}

/** Specific targets first: a multiword term, then an entity, then a one-word term, then a rare stem. */
const keyRank = (k: string) => (k.startsWith('term:') ? (k.includes(' ') ? 0 : 2) : k.startsWith('entity:') ? 1 : 3);

/** A 32-bit string hash (FNV-1a with a murmur finaliser); the seed and multiplier make independent ones. */
function hash32(s: string, seed: number, prime = 0x01000193): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), prime);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const hashA = (s: string) => hash32(s, 0x811c9dc5);
const hashB = (s: string) => hash32(s, 0x9747b28c, 0x5bd1e995);
/** A 53-bit key from the two hashes: exact in a double and an SQLite integer. */
const key53 = (a: number, b: number) => a * 0x200000 + (b & 0x1fffff);

/**
 * Rebuilds the positions of the whole database. Returns counts; `onProgress` is called with the
 * number of provisions read.
 *
 * Clauses worded alike are one unit: a provision seen before (same text and codes) is not cut
 * again, and a clause seen before (same wording, side and targets) is not a new unit but one more
 * occurrence of it. Blocking and linking run on the distinct units only, so a statement repeated a
 * thousand times costs what it costs once and forms the same groups; its occurrences come back
 * when the members are written. A group is a position when its occurrences span two statements:
 * documents taking the very same stances in the very same words (copies of one statement with
 * another date or closing line) are one statement, not a stance restated.
 */
export function buildPositions(db: Db, onProgress?: (read: number) => void): { positions: number; provisions: number; pairs: number } {
  ensureTables(db);
  const stamp = corpusStamp(db);
  const dropTemp = () =>
    db.exec(
      ['position_unit', 'position_prov', 'position_occ', 'position_block', 'position_key', 'position_group']
        .map((t) => `DROP TABLE IF EXISTS temp.${t};`)
        .join(' '),
    );
  dropTemp();
  db.exec(`
    CREATE TEMP TABLE position_unit (uid INTEGER PRIMARY KEY, key INTEGER NOT NULL UNIQUE, pid INTEGER, doc INTEGER, pol INTEGER, stems TEXT, targets TEXT,
      clause TEXT, topics TEXT, mh1 INTEGER, mh2 INTEGER);
    CREATE TEMP TABLE position_prov (key INTEGER PRIMARY KEY, uids TEXT NOT NULL);
    CREATE TEMP TABLE position_occ (uid INTEGER NOT NULL, pid INTEGER NOT NULL, doc INTEGER NOT NULL);
    CREATE TEMP TABLE position_block (key TEXT, uid INTEGER, context TEXT, specific INTEGER);
  `);
  const page = db.prepare(
    `SELECT p.id, d.rowid AS doc, p.text, d.language, d.parties,
            (SELECT group_concat(c.label || ':' || (c.start - p.start) || ':' || (c.end - p.start), ';') FROM codes c WHERE c.provision_id = p.id AND c.kind = 'act') AS acts,
            (SELECT group_concat(c.label || ':' || (c.start - p.start) || ':' || (c.end - p.start), ';') FROM codes c WHERE c.provision_id = p.id AND c.kind = 'entity') AS entities,
            (SELECT group_concat(c.label) FROM codes c WHERE c.provision_id = p.id AND c.kind = 'topic') AS topics
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
  const takesStance = (acts: unknown) => spans(acts).some((a) => a.label in ACT_POLARITY);
  const provisionUnits = db.prepare('SELECT uids FROM position_prov WHERE key = ?').pluck();
  const insertProvision = db.prepare('INSERT INTO position_prov (key, uids) VALUES (?, ?)');
  const unitByKey = db.prepare('SELECT uid FROM position_unit WHERE key = ?').pluck();
  const insertUnit = db.prepare(
    'INSERT INTO position_unit (key, pid, doc, pol, stems, targets, clause, topics, mh1, mh2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertOccurrence = db.prepare('INSERT INTO position_occ (uid, pid, doc) VALUES (?, ?, ?)');
  const insertBlock = db.prepare('INSERT INTO position_block (key, uid, context, specific) VALUES (?, ?, ?, ?)');
  // Document frequency of stems among distinct stance-taking provisions (vocabulary-sized).
  const df = new Map<string, number>();
  // What each document says, as an order-free sum of the hashes of its stance-taking provisions'
  // wording: equal sums are one statement (codes left out: a correction to one copy keeps it a copy).
  const said = new Map<number, [number, number, number]>();
  let read = 0;
  let units = 0;
  db.exec('BEGIN');
  for (const r of provisionRows()) {
    if (++read % 10000 === 0) onProgress?.(read);
    if (!takesStance(r.acts)) continue;
    const text = String(r.text);
    const language = String(r.language);
    const doc = Number(r.doc);
    const [ta, tb] = [hashA(text), hashB(text)];
    const sum = said.get(doc) ?? said.set(doc, [0, 0, 0]).get(doc)!;
    ((sum[0] += ta), (sum[1] += tb), sum[2]++);
    // A provision worded and coded as one seen before has the same units.
    const described = [language, r.parties, r.acts, r.entities, r.topics, ta, tb].join('\u0001');
    const pkey = key53(hashA(described), hashB(described));
    const seen = provisionUnits.get(pkey) as string | undefined;
    let uids: number[];
    if (seen !== undefined) uids = seen ? seen.split(',').map(Number) : [];
    else {
      uids = [];
      for (const s of contentStems(text, language)) df.set(s, (df.get(s) ?? 0) + 1);
      const parties = new Set<string>(JSON.parse(String(r.parties)));
      const targets: Target[] = spans(r.entities)
        .filter((e) => !parties.has(e.label))
        // A state (an ISO code) is as often an addressee or a holder as a target: not specific.
        .map((e) => ({
          key: `entity:${e.label}`,
          specific: e.label !== e.label.toUpperCase(),
          negated: false,
          surface: text.slice(e.start, e.end),
          start: e.start,
          end: e.end,
        }));
      const stem = stemmerFor(language);
      for (const e of topicEvidence(text, 0, text.length, loadTopicModel(language), [], true))
        if (e.weight >= 2) {
          const surface = text.slice(e.start, e.end);
          const tokens = tokenize(surface);
          const negated = tokens.length > 1 && stanceWords().negatingPrefix.has(tokens[0].norm);
          const words = tokens.slice(negated ? 1 : 0).map((t) => stem(t.raw));
          targets.push({ key: `term:${words.join(' ')}`, specific: tokens.length > 1 || e.weight >= 3, negated, surface, start: e.start, end: e.end });
        }
      for (const u of unitsOf(text, language, spans(r.acts), targets, String(r.topics ?? ''))) {
        const targetList = [...u.targets].map(([k, t]) => `${k}\t${t.surface}`).join('\n');
        const wording = [
          language,
          u.pol,
          u.topics,
          text.slice(u.start, u.end),
          [...u.targets].map(([k, t]) => `${k}\t${t.surface}\t${+t.head}${+t.specific}`).join('\n'),
        ].join('\u0001');
        const ukey = key53(hashA(wording), hashB(wording));
        let uid = unitByKey.get(ukey) as number | undefined;
        if (uid === undefined) {
          let [m1, m2] = [0xffffffff, 0xffffffff];
          for (const s of u.stems) ((m1 = Math.min(m1, hashA(s))), (m2 = Math.min(m2, hashB(s))));
          const stems = [...u.stems].join(' ');
          uid = Number(insertUnit.run(ukey, r.id, doc, u.pol, stems, targetList, `${u.start}:${u.end}`, u.topics, m1, m2).lastInsertRowid);
          units++;
          for (const [key, t] of u.targets) if (t.head) insertBlock.run(key, uid, [...t.context].join(' '), t.specific ? 1 : 0);
        }
        uids.push(uid);
      }
      insertProvision.run(pkey, uids.join(','));
    }
    for (const uid of uids) insertOccurrence.run(uid, r.id, doc);
    if (read % 50000 === 0) (db.exec('COMMIT'), db.exec('BEGIN'));
  }
  // Rare stems block units that share no target but are worded alike.
  const stemPage = db.prepare('SELECT uid, stems FROM position_unit WHERE uid > ? ORDER BY uid LIMIT 5000');
  for (let after = 0; ;) {
    const rows = stemPage.all(after) as { uid: number; stems: string }[];
    if (!rows.length) break;
    after = rows[rows.length - 1].uid;
    for (const { uid, stems } of rows) {
      const rare = stems
        .split(' ')
        .filter((s) => (df.get(s) ?? 0) >= 2)
        .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1))
        .slice(0, 2);
      for (const s of rare) insertBlock.run(`stem:${s}`, uid, '', 0);
    }
  }
  db.exec('COMMIT');
  df.clear();
  // Documents that say the same are one statement.
  const statementOf = new Map<number, number>();
  const statements = new Map<string, number>();
  for (const [doc, sum] of said) {
    const sig = sum.join(':');
    statementOf.set(doc, statements.get(sig) ?? statements.set(sig, statements.size + 1).get(sig)!);
  }
  said.clear();
  statements.clear();
  // Blocks from the most specific target to the most common (the rarest first, a named entity
  // first among equals), so that a stance forms around its own target before a common word could
  // join it to another.
  db.exec(`
    CREATE INDEX temp.position_block_key ON position_block(key, uid);
    CREATE TEMP TABLE position_key (id INTEGER PRIMARY KEY, key TEXT, n INTEGER);
    INSERT INTO position_key (key, n) SELECT key, count(*) AS n FROM position_block GROUP BY key HAVING n > 1
      ORDER BY n, max(specific) DESC, key LIKE 'entity:%' DESC, key;
  `);
  const keyPage = db.prepare('SELECT id, key FROM position_key WHERE id > ? ORDER BY id LIMIT 1000');
  const blockOf = db.prepare(
    'SELECT b.uid, b.context, b.specific, u.mh1, u.mh2 FROM position_block b JOIN position_unit u ON u.uid = b.uid WHERE b.key = ? ORDER BY b.uid',
  );
  const getUnit = db.prepare('SELECT pid, doc, pol, stems, targets, topics FROM position_unit WHERE uid = ?');
  // Target keys as small integers: a group's tally of them is a map of numbers, not of strings.
  const keyIds = new Map<string, number>();
  const keyId = (k: string) => keyIds.get(k) ?? keyIds.set(k, keyIds.size).get(k)!;
  type Loaded = { pid: number; statement: number; pol: number; stems: Set<string>; keys: number[]; topics: string[] };
  const cache = new Map<number, Loaded>();
  const load = (uid: number): Loaded => {
    let u = cache.get(uid);
    if (!u) {
      const r = getUnit.get(uid) as { pid: number; doc: number; pol: number; stems: string; targets: string; topics: string };
      u = {
        pid: r.pid,
        statement: statementOf.get(r.doc)!,
        pol: r.pol,
        topics: r.topics ? r.topics.split(',') : [],
        stems: new Set(r.stems.split(' ').filter(Boolean)),
        keys: r.targets ? r.targets.split('\n').map((l) => keyId(l.slice(0, l.indexOf('\t')))) : [],
      };
      if (cache.size > 10000) cache.clear();
      cache.set(uid, u);
    }
    return u;
  };
  // Union-find over units; each root knows its size, its polarity and how many members hold each target.
  const parent = new Int32Array(units + 1).map((_, i) => i);
  const size = new Int32Array(units + 1).fill(1);
  const pol = new Int8Array(units + 1);
  for (const [uid, p] of db.prepare('SELECT uid, pol FROM position_unit').raw().iterate() as Iterable<[number, number]>) pol[uid] = p;
  const held = new Map<number, Map<number, number>>();
  const find = (x: number): number => {
    // Path halving keeps the trees flat.
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const keysOf = (root: number) => held.get(root) ?? new Map(load(root).keys.map((k) => [k, 1]));
  // A target joins two groups only if it is what each of them is about (held by half its members
  // at least): one provision naming two stances cannot chain them together.
  const central = (root: number, key: number) => size[root] === 1 || (held.get(root)!.get(key) ?? 0) * 2 >= size[root];
  const union = (a: number, b: number) => {
    const [big, small] = size[a] >= size[b] ? [a, b] : [b, a];
    const into = keysOf(big);
    for (const [k, n] of keysOf(small)) into.set(k, (into.get(k) ?? 0) + n);
    held.set(big, into);
    held.delete(small);
    parent[small] = big;
    size[big] += size[small];
    pol[big] = pol[big] || pol[small];
  };
  let pairs = 0;
  // A target shared by many units ("droit international") is generic: it links nothing by itself.
  const genericSize = Math.max(6, Math.ceil(units * 0.01));
  type Member = { uid: number; context: Set<string>; mh1: number; mh2: number };
  const link = (x: Member, y: Member, key: number, threshold: number) => {
    const ra = find(x.uid);
    const rb = find(y.uid);
    if (ra === rb || (pol[ra] && pol[rb] && pol[ra] !== pol[rb])) return;
    const a = load(x.uid);
    const b = load(y.uid);
    // Two statements of view are no stance; one stance is about one policy domain.
    if ((!a.pol && !b.pol) || (a.topics.length && b.topics.length && !a.topics.some((t) => b.topics.includes(t)))) return;
    pairs++;
    // Two clauses of one statement need closer wording than a stance restated in another,
    // unless they follow one another (a stance developed over two sentences, or one sentence).
    const same = a.statement === b.statement;
    const adjacent = same && Math.abs(a.pid - b.pid) <= 1;
    const needed = adjacent && a.pol && b.pol ? LINK_THRESHOLD.specific : same ? threshold + 0.1 : threshold;
    const close = a.pid === b.pid || jaccard(a.stems, b.stems) >= needed || (x.context.size > 0 && jaccard(x.context, y.context) >= needed + CONTEXT_MARGIN);
    if (close && central(ra, key) && central(rb, key)) union(ra, rb);
  };
  for (let afterKey = 0; ;) {
    const keys = keyPage.all(afterKey) as { id: number; key: string }[];
    if (!keys.length) break;
    afterKey = keys[keys.length - 1].id;
    for (const { key } of keys) {
      const rows = blockOf.all(key) as { uid: number; context: string; specific: number; mh1: number; mh2: number }[];
      const block: Member[] = rows.map((r) => ({ uid: r.uid, context: new Set(r.context.split(' ').filter(Boolean)), mh1: r.mh1, mh2: r.mh2 }));
      const specific = rows[0].specific === 1;
      const threshold =
        block.length > genericSize || key.startsWith('stem:') ? LINK_THRESHOLD.wordingOnly : specific ? LINK_THRESHOLD.specific : LINK_THRESHOLD.common;
      const k = keyId(key);
      if (block.length <= MAX_BLOCK_PAIRS) {
        for (let i = 0; i < block.length; i++) for (let j = i + 1; j < block.length; j++) link(block[i], block[j], k, threshold);
        continue;
      }
      // A large block compares each unit with its neighbours only: in document order (clauses
      // that follow one another), and in two orders by a min-hash of their wording, where units
      // worded alike sit side by side.
      const orders = [block, [...block].sort((x, y) => x.mh1 - y.mh1 || x.mh2 - y.mh2), [...block].sort((x, y) => x.mh2 - y.mh2 || x.mh1 - y.mh1)];
      for (const order of orders)
        for (let i = 0; i < order.length; i++) for (let j = i + 1; j < Math.min(order.length, i + NEIGHBOURS + 1); j++) link(order[i], order[j], k, threshold);
    }
  }
  held.clear();
  cache.clear();
  // A group is a position when it takes a side and its occurrences span two statements.
  const firstStatement = new Int32Array(units + 1);
  const spread = new Uint8Array(units + 1);
  for (const [uid, doc] of db.prepare('SELECT uid, doc FROM position_occ').raw().iterate() as Iterable<[number, number]>) {
    const root = find(uid);
    const s = statementOf.get(doc)!;
    if (!firstStatement[root]) firstStatement[root] = s;
    else if (firstStatement[root] !== s) spread[root] = 1;
  }
  const groups = new Map<number, number[]>();
  for (let u = 1; u <= units; u++) {
    const r = find(u);
    if (spread[r] && pol[r] !== NEUTRAL) (groups.get(r) ?? groups.set(r, []).get(r)!).push(u);
  }
  // Named, labelled and described from its distinct wordings; dated and counted from all its occurrences.
  const unitRow = db.prepare(`SELECT u.pid, u.targets, u.clause, p.text FROM position_unit u JOIN provisions p ON p.id = u.pid WHERE u.uid = ?`);
  const topicsOf = db.prepare("SELECT label FROM codes WHERE kind = 'topic' AND provision_id = ?").pluck();
  const tally = (values: string[]) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  db.exec('BEGIN');
  db.exec(`DELETE FROM position_members; DELETE FROM positions;
    CREATE INDEX temp.position_occ_uid ON position_occ(uid);
    CREATE TEMP TABLE position_group (uid INTEGER PRIMARY KEY, position INTEGER NOT NULL);`);
  const insertPosition = db.prepare(
    'INSERT INTO positions (act, target, label, first_seen, last_seen, documents, provisions, entities, topics) VALUES (?, ?, ?, NULL, NULL, 0, 0, ?, ?)',
  );
  const insertGroup = db.prepare('INSERT INTO position_group (uid, position) VALUES (?, ?)');
  for (const [root, members] of groups) {
    const rows = members.map((uid) => unitRow.get(uid) as { pid: number; targets: string; clause: string; text: string });
    const targetsOf = (r: (typeof rows)[number]) => new Map(r.targets.split('\n').map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1)]));
    const unitTargets = rows.map(targetsOf);
    // Named by the target most of its members hold, the most specific among equals.
    const [target] = tally(unitTargets.flatMap((t) => [...t.keys()])).sort((x, y) => y[1] - x[1] || keyRank(x[0]) - keyRank(y[0]))[0];
    const surfaces = tally(unitTargets.flatMap((t) => (t.has(target) ? [t.get(target)!.toLowerCase()] : [])));
    const shown = target.startsWith('term:') ? `term:${surfaces[0][0]}` : target;
    // Labelled by the shortest clause that states it: the act and what it is about, in the statement's words.
    const clauses = rows
      .filter((_, i) => unitTargets[i].has(target))
      .map((r) => {
        const [s, e] = r.clause.split(':').map(Number);
        return clip(r.text.slice(s, e));
      })
      .sort((x, y) => x.length - y.length);
    const label = clauses.find((c) => c.split(/\s+/).length >= 4) ?? clauses[0];
    const provisions = [...new Map(rows.map((r) => [r.pid, r])).values()];
    const entities = tally(provisions.flatMap((r) => [...targetsOf(r).keys()].filter((k) => k.startsWith('entity:'))))
      .filter(([, n]) => n * 2 >= provisions.length)
      .map(([t]) => t.slice(7));
    const topics = tally(provisions.flatMap((r) => topicsOf.all(r.pid) as string[]))
      .filter(([, n]) => n * 2 >= provisions.length)
      .map(([t]) => t);
    const id = Number(
      insertPosition.run(pol[root] === AGAINST ? 'oppose' : 'support', shown, label, JSON.stringify(entities), JSON.stringify(topics)).lastInsertRowid,
    );
    for (const uid of members) insertGroup.run(uid, id);
  }
  db.exec(`
    INSERT OR IGNORE INTO position_members (position_id, provision_id, doc_id)
      SELECT g.position, o.pid, d.id FROM position_group g JOIN position_occ o ON o.uid = g.uid JOIN documents d ON d.rowid = o.doc;
    UPDATE positions SET
      documents = (SELECT count(DISTINCT m.doc_id) FROM position_members m WHERE m.position_id = positions.id),
      provisions = (SELECT count(*) FROM position_members m WHERE m.position_id = positions.id),
      first_seen = (SELECT min(d.date) FROM position_members m JOIN documents d ON d.id = m.doc_id WHERE m.position_id = positions.id),
      last_seen = (SELECT max(d.date) FROM position_members m JOIN documents d ON d.id = m.doc_id WHERE m.position_id = positions.id);
  `);
  db.prepare("INSERT OR REPLACE INTO entente_state (key, value) VALUES ('positions_stamp', ?)").run(stamp);
  db.exec('COMMIT');
  const counts = db
    .prepare('SELECT (SELECT count(*) FROM positions) AS positions, (SELECT count(DISTINCT provision_id) FROM position_members) AS provisions')
    .get() as {
    positions: number;
    provisions: number;
  };
  dropTemp();
  return { ...counts, pairs };
}

/** The last word of a clause with what follows it, or its trailing punctuation alone. */
const TRAILING_WORD = /(?:\s+([\p{L}]+['’]?)|[\s,;:.]+)$/u;
let functionWordsCache: Set<string> | null = null;
const functionWords = () => (functionWordsCache ??= new Set(dataLanguages().flatMap((lang) => [...stopwords(lang)])));

/** A clause as a label: without the connectives that lead into the next one, and not too long. */
function clip(clause: string): string {
  // Drop the connectives and prepositions that lead into the next clause ("..., et de"): the
  // function words of every language's stopwords.txt.
  let s = clause.trim();
  for (let m: RegExpExecArray | null; (m = TRAILING_WORD.exec(s)) && (m[1] === undefined || functionWords().has(foldAccents(m[1])));)
    s = s.slice(0, m.index).trimEnd();
  if (s.length > 160) s = `${s.slice(0, s.lastIndexOf(' ', 157))}…`;
  return s;
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
  // A position takes a side (support or oppose); another act selects the positions stated at
  // least once with it ("call" → the stances the parties have called for or against).
  if (filter.act === 'support' || filter.act === 'oppose') (where.push('pos.act = ?'), params.push(filter.act));
  else if (filter.act)
    (where.push(
      "pos.id IN (SELECT m.position_id FROM position_members m JOIN codes c ON c.provision_id = m.provision_id WHERE c.kind = 'act' AND c.label = ?)",
    ),
      params.push(filter.act));
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

/**
 * One position with its provisions in date order (a page of them: a stance repeated for years
 * can have thousands) and its wording variants, each diffed against the first.
 */
export function getPosition(db: Db, id: number, page: { limit?: number; offset?: number } = {}): PositionDetail | null {
  if (!positionsAreCurrent(db)) buildPositions(db);
  const row = db.prepare('SELECT * FROM positions WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const members = db
    .prepare(
      `SELECT p.id AS provisionId, d.id AS docId, d.name AS docName, d.date, p.idx AS "index", p.text
         FROM position_members m JOIN provisions p ON p.id = m.provision_id JOIN documents d ON d.id = p.doc_id
         WHERE m.position_id = ? ORDER BY d.date IS NULL, d.date, d.name, p.idx LIMIT ? OFFSET ?`,
    )
    .all(id, page.limit ?? 200, page.offset ?? 0) as PositionDetail['members'];
  // Variants over all members, in order of first appearance.
  const wordings = db
    .prepare(
      `SELECT p.text, count(*) AS count, min(d.date) AS firstSeen, min(coalesce(d.date, '9999') || d.name || printf('%06d', p.idx)) AS firstKey
         FROM position_members m JOIN provisions p ON p.id = m.provision_id JOIN documents d ON d.id = p.doc_id
         WHERE m.position_id = ? GROUP BY p.text ORDER BY firstKey LIMIT ?`,
    )
    .all(id, MAX_VARIANTS) as { text: string; count: number; firstSeen: string | null }[];
  const first = wordings[0]?.text ?? '';
  const variants = wordings.map(({ text, count, firstSeen }) => ({ text, count, firstSeen, diff: text === first ? [] : wordDiff(first, text) }));
  return { ...toSummary(row), members, variants };
}

/** Wording variants listed for one position at most. */
const MAX_VARIANTS = 200;
