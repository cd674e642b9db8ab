import { EntenteError } from '../core/types.ts';
import { foldAccents } from '../core/normalize.ts';
import { tokenize } from '../core/tokenize.ts';
import type { Db } from '../store/database.ts';
import { factToken, indexKeyFor, indexWords, queryStems } from './text-index.ts';

/** A parsed search query: words, phrases and prefixes joined by AND, OR, NOT and parentheses. */
export type QueryNode =
  | { type: 'term'; word: string; prefix: boolean }
  | { type: 'phrase'; words: string[] }
  | { type: 'and' | 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

type Lexeme = { kind: 'word' | 'phrase' | 'and' | 'or' | 'not' | 'open' | 'close'; text: string; at: number };

function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === '«' || c === '“') {
      const close = c === '«' ? '»' : c === '“' ? '”' : '"';
      const end = query.indexOf(close, i + 1);
      if (end < 0) throw new EntenteError(`the quote opened at character ${i + 1} is not closed`, 'search query', 'close the phrase with a matching quote');
      out.push({ kind: 'phrase', text: query.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (c === '(' || c === ')') {
      out.push({ kind: c === '(' ? 'open' : 'close', text: c, at: i });
      i++;
    } else if (c === '-' && (i === 0 || /[\s(]/.test(query[i - 1])) && /[^\s)]/.test(query[i + 1] ?? ' ')) {
      out.push({ kind: 'not', text: '-', at: i });
      i++;
    } else {
      let j = i;
      while (j < query.length && !/[\s()"«“]/.test(query[j])) j++;
      const text = query.slice(i, j);
      const kind = text === 'AND' ? 'and' : text === 'OR' ? 'or' : text === 'NOT' ? 'not' : 'word';
      out.push({ kind, text, at: i });
      i = j;
    }
  }
  return out;
}

/**
 * Parses a user's query. Any input either parses or raises an EntenteError that says what is
 * wrong and where: no search syntax error ever reaches the database.
 *
 * @example parseQuery('coopér* AND (énergie OR "gaz naturel") -nucléaire')
 */
export function parseQuery(query: string): QueryNode | null {
  const tokens = lex(query);
  let pos = 0;
  const where = (t?: Lexeme) => (t ? `at character ${t.at + 1} ("${t.text}")` : 'at the end');
  const fail = (what: string, t?: Lexeme): never => {
    throw new EntenteError(`${what} ${where(t)}`, 'search query', 'write words, "phrases", prefix*, AND, OR, NOT or -word, and (parentheses)');
  };
  const primary = (): QueryNode => {
    const t = tokens[pos];
    if (!t) return fail('a word is missing');
    if (t.kind === 'open') {
      pos++;
      const node = orExpr();
      if (tokens[pos]?.kind !== 'close') fail('a closing parenthesis is missing', tokens[pos]);
      pos++;
      return node;
    }
    if (t.kind === 'not') {
      pos++;
      return { type: 'not', child: primary() };
    }
    if (t.kind === 'phrase') {
      pos++;
      const words = tokenize(t.text).map((w) => w.raw);
      if (!words.length) fail('the phrase is empty', t);
      return words.length === 1 ? { type: 'term', word: words[0], prefix: false } : { type: 'phrase', words };
    }
    if (t.kind === 'word') {
      pos++;
      const prefix = t.text.endsWith('*');
      const words = tokenize(t.text).map((w) => w.raw);
      if (!words.length) return primary();
      if (words.length > 1) return { type: 'phrase', words };
      return { type: 'term', word: words[0], prefix };
    }
    return fail(`unexpected "${t.text}"`, t);
  };
  const andExpr = (): QueryNode => {
    const children = [primary()];
    while (pos < tokens.length && tokens[pos].kind !== 'or' && tokens[pos].kind !== 'close') {
      if (tokens[pos].kind === 'and') {
        pos++;
        if (pos >= tokens.length) fail('AND needs a word after it');
      }
      children.push(primary());
    }
    return children.length === 1 ? children[0] : { type: 'and', children };
  };
  const orExpr = (): QueryNode => {
    const children = [andExpr()];
    while (tokens[pos]?.kind === 'or') {
      pos++;
      if (pos >= tokens.length) fail('OR needs a word after it');
      children.push(andExpr());
    }
    return children.length === 1 ? children[0] : { type: 'or', children };
  };
  if (!tokens.length) return null;
  const tree = orExpr();
  if (pos < tokens.length) fail(`unexpected "${tokens[pos].text}"`, tokens[pos]);
  return tree;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Compiles a query tree to an FTS5 expression over the stems column, for the given languages; null
 * when it holds only words the index leaves out ("the", "de").
 */
export function toFts(node: QueryNode, languages: string[]): string | null {
  switch (node.type) {
    case 'term': {
      const stems = queryStems(node.word, languages);
      const parts = stems.map((s) => (node.prefix ? `${quote(s)}*` : quote(s)));
      return parts.length === 0 ? null : parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
    }
    case 'phrase': {
      const variants = [...new Set(languages.map((l) => indexWords(node.words, l)).filter(Boolean))];
      return variants.length === 0 ? null : variants.length === 1 ? quote(variants[0]) : `(${variants.map(quote).join(' OR ')})`;
    }
    case 'or': {
      const parts = node.children.map((c) => toFts(c, languages)).filter((p): p is string => p !== null);
      return parts.length ? `(${parts.join(' OR ')})` : null;
    }
    case 'and': {
      const positive = node.children.filter((c) => c.type !== 'not');
      const negative = node.children.filter((c): c is { type: 'not'; child: QueryNode } => c.type === 'not');
      if (!positive.length) throw new EntenteError('a query cannot only exclude words', 'search query', 'add a word to look for, e.g. "sanctions -nucléaire"');
      const parts = positive.map((c) => toFts(c, languages)).filter((p): p is string => p !== null);
      if (!parts.length) return null;
      let expr = parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
      for (const n of negative) {
        const excluded = toFts(n.child, languages);
        if (excluded) expr = `(${expr} NOT ${excluded})`;
      }
      return expr;
    }
    case 'not':
      throw new EntenteError('a query cannot only exclude words', 'search query', 'add a word to look for, e.g. "sanctions -nucléaire"');
  }
}

/** The FTS5 expression of a query, or an error that says why there is nothing to look for. */
function ftsExpression(tree: QueryNode, languages: string[]): string {
  const expr = toFts(tree, languages);
  if (expr === null)
    throw new EntenteError(
      'the query has only words too common to be indexed (articles, prepositions, pronouns)',
      'search query',
      'add a word that says what you look for',
    );
  return expr;
}

const languageCache = new WeakMap<Db, { stamp: string; languages: string[] }>();

/** The languages of the stored documents (a query is stemmed in each), re-read only when the database changed. */
function storedLanguages(db: Db): string[] {
  const stamp = String(db.prepare("SELECT (SELECT data_version FROM pragma_data_version) || '/' || total_changes() AS s").pluck().get());
  const cached = languageCache.get(db);
  if (cached?.stamp === stamp) return cached.languages;
  const languages = (db.prepare('SELECT DISTINCT language FROM documents').all() as { language: string }[]).map((r) => r.language);
  languageCache.set(db, { stamp, languages });
  return languages;
}

/** Stems and prefixes a query looks for, to highlight them in results. */
function highlightKeys(node: QueryNode | null, languages: string[]): { stems: Set<string>; prefixes: string[] } {
  const stems = new Set<string>();
  const prefixes: string[] = [];
  const walk = (n: QueryNode | null): void => {
    if (!n) return;
    if (n.type === 'term') {
      for (const s of queryStems(n.word, languages)) n.prefix ? prefixes.push(s) : stems.add(s);
    } else if (n.type === 'phrase') for (const w of n.words) queryStems(w, languages).forEach((s) => stems.add(s));
    else if (n.type === 'and' || n.type === 'or') n.children.forEach(walk);
  };
  walk(node);
  return { stems, prefixes };
}

export interface SearchFilters {
  act?: string[];
  holder?: string[];
  entity?: string[];
  topic?: string[];
  language?: string;
  doc?: string;
  party?: string;
  from?: string;
  to?: string;
}

export interface SearchOptions extends SearchFilters {
  query?: string;
  limit?: number;
  offset?: number;
  facets?: boolean;
  /** Characters of context on each side of a keyword in KWIC lines. */
  context?: number;
}

export interface SearchHit {
  provisionId: number;
  docId: string;
  docName: string;
  docTitle: string | null;
  date: string | null;
  index: number;
  text: string;
  score: number | null;
  /** [start, end) offsets in `text` of the words that matched. */
  highlights: [number, number][];
  kwic: { left: string; keyword: string; right: string }[];
  codes: { acts: string[]; holders: string[]; entities: string[]; topics: string[] };
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
  facets?: Record<string, { value: string; count: number }[]>;
  /** More than RANK_WINDOW hits: ranking and facets cover the RANK_WINDOW most recently stored ones. */
  windowed: boolean;
}

const FACET_KINDS = { act: 'acts', holder: 'holders', entity: 'entities', topic: 'topics' } as const;

/** Date bounds accept a year, a year-month or a full date. */
function bound(value: string, end: boolean): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new EntenteError(`"${value}" is not a date`, 'date filter', 'use YYYY, YYYY-MM or YYYY-MM-DD');
  if (value.length === 4) return end ? `${value}-12-31` : `${value}-01-01`;
  if (value.length === 7) return end ? `${value}-31` : `${value}-01`;
  return value;
}

/**
 * Most hits that are ranked by relevance (BM25) and counted in facets. A query matching more
 * shows its RANK_WINDOW most recently stored hits, newest statements first, and facets count
 * those: BM25 needs statistics over every matching provision, which a very common word or
 * filter makes slow. `total` stays exact and the result says `windowed: true`.
 */
export const RANK_WINDOW = 2500;

/**
 * The filters as index terms over the `codes` column (codes in force, language, document,
 * parties, years), so that the full-text engine intersects them; plus the SQL conditions that
 * finer date bounds still need.
 */
function filterTerms(f: SearchFilters): { terms: string[]; where: string[]; params: unknown[] } {
  const terms: string[] = [];
  const where: string[] = [];
  const params: unknown[] = [];
  const term = (kind: string, value: string) => `codes : ${quote(factToken(kind, value))}`;
  for (const kind of ['act', 'holder', 'entity', 'topic'] as const) for (const label of f[kind] ?? []) terms.push(term(kind, label));
  if (f.language) terms.push(term('lang', f.language));
  if (f.doc) terms.push(term('doc', f.doc));
  if (f.party) terms.push(term('party', f.party));
  if (f.from || f.to) {
    const from = f.from ? bound(f.from, false) : '1900-01-01';
    const to = f.to ? bound(f.to, true) : '2100-12-31';
    const years: string[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)) && years.length <= 200; y++) years.push(quote(factToken('year', String(y))));
    terms.push(`codes : (${years.join(' OR ') || quote('year_none')})`);
    if (f.from && f.from.length > 4) (where.push('d.date >= ?'), params.push(from));
    if (f.to && f.to.length > 4) (where.push('d.date <= ?'), params.push(to));
  }
  return { terms, where, params };
}

/**
 * Searches stored provisions: full-text (stemmed, accent- and case-insensitive) and/or filters
 * by codes, language, document, party and dates — all intersected inside the FTS5 index —
 * ranked by BM25, with highlights, KWIC lines and, on request, facet counts for every filter.
 */
export function search(db: Db, options: SearchOptions): SearchResult {
  const tree = parseQuery(options.query ?? '');
  const languages = storedLanguages(db);
  const langs = languages.length ? languages : ['en'];
  const filters = filterTerms(options);
  const parts = [...(tree ? [`stems : (${ftsExpression(tree, langs)})`] : []), ...filters.terms];
  const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
  const offset = Math.max(0, options.offset ?? 0);
  const match = parts.join(' AND ');
  let rows: Record<string, unknown>[];
  let total: number;
  let windowed = false;
  let hitsFrom: string;
  let hitParams: unknown[];
  try {
    if (parts.length) {
      total = (db.prepare('SELECT count(*) AS n FROM provision_index WHERE provision_index MATCH ?').get(match) as { n: number }).n;
      windowed = total > RANK_WINDOW;
      hitsFrom = `(SELECT rowid, ${tree && !windowed ? 'rank' : 'NULL AS rank'} FROM provision_index WHERE provision_index MATCH ? ${windowed ? `ORDER BY rowid DESC LIMIT ${RANK_WINDOW}` : ''}) f
        JOIN provisions p ON p.id = f.rowid JOIN documents d ON d.id = p.doc_id`;
      hitParams = [match];
    } else {
      total = (db.prepare('SELECT count(*) AS n FROM provisions').get() as { n: number }).n;
      windowed = total > RANK_WINDOW;
      hitsFrom = `(SELECT id AS rowid, NULL AS rank FROM provisions ORDER BY id DESC LIMIT ${RANK_WINDOW}) f JOIN provisions p ON p.id = f.rowid JOIN documents d ON d.id = p.doc_id`;
      hitParams = [];
    }
    const whereSql = filters.where.length ? `WHERE ${filters.where.join(' AND ')}` : '';
    if (filters.where.length) total = (db.prepare(`SELECT count(*) AS n FROM ${hitsFrom} ${whereSql}`).get(...hitParams, ...filters.params) as { n: number }).n;
    rows = db
      .prepare(
        `SELECT p.id, p.doc_id, p.idx, p.text, d.name, d.title, d.date, d.language, f.rank AS score FROM ${hitsFrom} ${whereSql}
         ORDER BY ${tree && !windowed ? 'f.rank' : windowed ? 'd.date IS NULL, d.date DESC, d.name, p.idx' : 'd.date IS NULL, d.date, d.name, p.idx'} LIMIT ? OFFSET ?`,
      )
      .all(...hitParams, ...filters.params, limit, offset) as Record<string, unknown>[];
    hitsFrom = `SELECT p.id FROM ${hitsFrom} ${whereSql}`;
    hitParams = [...hitParams, ...filters.params];
  } catch (err) {
    throw new EntenteError(`the search could not run (${(err as Error).message})`, 'search query', 'simplify the query');
  }
  const keys = highlightKeys(tree, langs);
  const codesOf = db.prepare('SELECT kind, label FROM codes WHERE provision_id = ? ORDER BY kind, label');
  const hits: SearchHit[] = rows.map((r) => {
    const text = String(r.text);
    const highlights = highlightSpans(text, String(r.language), keys);
    const codes = { acts: [] as string[], holders: [] as string[], entities: [] as string[], topics: [] as string[] };
    for (const c of codesOf.all(r.id) as { kind: keyof typeof FACET_KINDS; label: string }[]) {
      const list = codes[FACET_KINDS[c.kind]];
      if (!list.includes(c.label)) list.push(c.label);
    }
    return {
      provisionId: Number(r.id),
      docId: String(r.doc_id),
      docName: String(r.name),
      docTitle: (r.title as string | null) ?? null,
      date: (r.date as string | null) ?? null,
      index: Number(r.idx),
      text,
      score: r.score === null ? null : Number(r.score),
      highlights,
      kwic: kwicLines(text, highlights, options.context ?? 50),
      codes,
    };
  });
  const result: SearchResult = { query: options.query ?? '', total, windowed, hits };
  if (options.facets) result.facets = facets(db, hitsFrom, hitParams);
  return result;
}

function facets(db: Db, hitsSql: string, params: unknown[]): Record<string, { value: string; count: number }[]> {
  const out: Record<string, { value: string; count: number }[]> = {};
  db.exec('DROP TABLE IF EXISTS temp.facet_hits');
  db.exec('CREATE TEMP TABLE facet_hits (id INTEGER PRIMARY KEY)');
  try {
    db.prepare(`INSERT INTO facet_hits (id) ${hitsSql}`).run(...params);
    const rows = db
      .prepare(
        `SELECT c.kind, c.label AS value, count(DISTINCT c.provision_id) AS count FROM facet_hits h CROSS JOIN codes c ON c.provision_id = h.id
         GROUP BY c.kind, c.label ORDER BY count DESC, c.label`,
      )
      .all() as { kind: keyof typeof FACET_KINDS; value: string; count: number }[];
    for (const name of Object.values(FACET_KINDS)) out[name] = [];
    for (const r of rows) if (out[FACET_KINDS[r.kind]].length < 25) out[FACET_KINDS[r.kind]].push({ value: r.value, count: r.count });
    const docFacet = (expr: string) =>
      db
        .prepare(
          `SELECT ${expr} AS value, count(*) AS count FROM facet_hits h CROSS JOIN provisions p ON p.id = h.id CROSS JOIN documents d ON d.id = p.doc_id GROUP BY value HAVING value IS NOT NULL ORDER BY count DESC, value LIMIT 25`,
        )
        .all() as { value: string; count: number }[];
    out.languages = docFacet('d.language');
    out.years = docFacet('substr(d.date, 1, 4)');
    out.parties = db
      .prepare(
        'SELECT j.value AS value, count(*) AS count FROM facet_hits h CROSS JOIN provisions p ON p.id = h.id CROSS JOIN documents d ON d.id = p.doc_id CROSS JOIN json_each(d.parties) j GROUP BY j.value ORDER BY count DESC, j.value LIMIT 25',
      )
      .all() as { value: string; count: number }[];
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.facet_hits');
  }
  return out;
}

function highlightSpans(text: string, language: string, keys: { stems: Set<string>; prefixes: string[] }): [number, number][] {
  if (!keys.stems.size && !keys.prefixes.length) return [];
  // The words as the index holds them: a word it leaves out ("de", "the") is never a match.
  const key = indexKeyFor(language);
  const spans: [number, number][] = [];
  for (const t of tokenize(text)) {
    const s = key(t.raw);
    if (!s) continue;
    const folded = foldAccents(t.raw);
    if (keys.stems.has(s) || keys.prefixes.some((p) => s.startsWith(p) || folded.startsWith(p))) spans.push([t.start, t.end]);
  }
  return spans;
}

/** Keyword-in-context lines: each matched word with the text around it. */
export function kwicLines(text: string, spans: [number, number][], width: number): SearchHit['kwic'] {
  return spans.map(([s, e]) => {
    const left = text.slice(Math.max(0, s - width), s);
    const right = text.slice(e, e + width);
    return { left: (s > width ? '…' : '') + left, keyword: text.slice(s, e), right: right + (e + width < text.length ? '…' : '') };
  });
}
