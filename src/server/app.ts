import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ACTS, EntenteError } from '../core/types.ts';
import type { Db } from '../store/database.ts';
import { findDocument, listDocuments, loadDoc, documentText, replaceAnalysis } from '../store/documents.ts';
import { addCorrection, listCorrections, tokenOwner, CORRECTABLE_KINDS } from '../store/corrections.ts';
import { search } from '../query/search.ts';
import { entityCounts } from '../query/catalog.ts';
import { compareStored, timeline, whatIsNew, loadComparable } from '../query/explore.ts';
import { getPosition, listPositions } from '../query/positions.ts';
import { loadGazetteer } from '../analyze/entities/gazetteer.ts';
import { analyzeText, ANALYZER_VERSION } from '../analyze/pipeline.ts';
import type { AnalysisContext } from '../analyze/stage.ts';
import { readTsv, DATA_DIR } from '../lang/tsv.ts';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** A bounded LRU of JSON bodies (and their gzip form, made on first demand), valid while the database is unchanged. */
class ResponseCache {
  private readonly entries = new Map<string, { body: string; gzip?: Buffer }>();
  private stamp = '';
  private bytes = 0;
  private readonly version: { get(): unknown };
  constructor(
    db: Db,
    private readonly maxBytes = 64 * 2 ** 20,
  ) {
    // data_version changes when another connection commits; writes through this server clear the
    // cache themselves (temporary tables used by queries must not count as changes).
    this.version = db.prepare('SELECT data_version FROM pragma_data_version').pluck();
  }
  private current(): void {
    const stamp = String(this.version.get());
    if (stamp !== this.stamp) {
      this.clear();
      this.stamp = stamp;
    }
  }
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
  get(key: string): { body: string; gzip(): Buffer } | undefined {
    this.current();
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { body: entry.body, gzip: () => (entry.gzip ??= gzipSync(entry.body, { level: 6 })) };
  }
  set(key: string, body: string): void {
    this.current();
    this.entries.set(key, { body });
    this.bytes += body.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.length;
    }
  }
}

export interface AppOptions {
  db: Db;
  /** Reads need a token too (the server is reachable from other machines). */
  tokenForReads?: boolean;
  context?: AnalysisContext;
  /** Serve every read from the database (for measuring; the cache is on by default). */
  noCache?: boolean;
}

/** One error shape for every error: `{ ok: false, error, status }`. */
export class ApiError extends HTTPException {
  constructor(status: 400 | 401 | 403 | 404 | 409 | 422 | 500, message: string) {
    super(status, { message });
  }
}

const ErrorSchema = z.object({ ok: z.literal(false), error: z.string(), status: z.number().int() }).openapi('Error');
const Json = z.record(z.string(), z.unknown()).openapi('Object');
const jsonResponse = (description: string, schema: z.ZodTypeAny = Json) => ({
  200: { description, content: { 'application/json': { schema } } },
  400: { description: 'Invalid request', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Not found', content: { 'application/json': { schema: ErrorSchema } } },
});

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : v.split(',').filter(Boolean)));
const intParam = (def: number, max: number) => z.coerce.number().int().min(0).max(max).default(def);
const dateParam = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date: YYYY, YYYY-MM or YYYY-MM-DD')
  .optional();
const codeParam = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,64}$/, 'an identifier (letters, digits, underscore)')
  .optional();
const Paging = { _limit: intParam(20, 500), _offset: intParam(0, 1_000_000) };

const routes = {
  meta: createRoute({
    method: 'get',
    path: '/api/meta',
    tags: ['meta'],
    summary: 'What the UI needs: counts, acts, topics, languages, parties',
    responses: jsonResponse('Metadata'),
  }),
  documents: createRoute({
    method: 'get',
    path: '/api/documents',
    tags: ['documents'],
    summary: 'The library of stored documents',
    request: { query: z.object({ language: z.string().max(8).optional(), party: codeParam, from: dateParam, to: dateParam, ...Paging }) },
    responses: jsonResponse('A page of documents'),
  }),
  document: createRoute({
    method: 'get',
    path: '/api/documents/{id}',
    tags: ['documents'],
    summary: 'A document with its provisions, codes and their evidence',
    request: { params: z.object({ id: z.string().min(1).max(200) }) },
    responses: jsonResponse('The document'),
  }),
  documentNew: createRoute({
    method: 'get',
    path: '/api/documents/{id}/new',
    tags: ['documents'],
    summary: 'What is new in a document compared with earlier ones of the same parties',
    request: { params: z.object({ id: z.string().min(1).max(200) }) },
    responses: jsonResponse('New provisions'),
  }),
  reanalyze: createRoute({
    method: 'post',
    path: '/api/documents/{id}/reanalyze',
    tags: ['documents'],
    summary: 'Run the current analysis again (corrections are kept)',
    security: [{ bearer: [] }],
    request: { params: z.object({ id: z.string().min(1).max(200) }) },
    responses: jsonResponse('Re-analysed'),
  }),
  provision: createRoute({
    method: 'get',
    path: '/api/provisions/{id}',
    tags: ['provisions'],
    summary: 'One provision with its codes and correction history',
    request: { params: z.object({ id: z.coerce.number().int().min(1) }) },
    responses: jsonResponse('The provision'),
  }),
  correct: createRoute({
    method: 'post',
    path: '/api/provisions/{id}/corrections',
    tags: ['corrections'],
    summary: "Correct a provision's acts, holders, entities or topics",
    security: [{ bearer: [] }],
    request: {
      params: z.object({ id: z.coerce.number().int().min(1) }),
      body: {
        content: {
          'application/json': {
            schema: z.object({
              kind: z.enum(['act', 'holder', 'entity', 'topic']),
              labels: z.array(z.string().min(1).max(64)).max(50),
              note: z.string().max(2000).optional(),
            }),
          },
        },
      },
    },
    responses: jsonResponse('The correction'),
  }),
  corrections: createRoute({
    method: 'get',
    path: '/api/corrections',
    tags: ['corrections'],
    summary: 'Corrections with who and when',
    request: { query: z.object({ doc: z.string().max(200).optional() }) },
    responses: jsonResponse('Corrections'),
  }),
  search: createRoute({
    method: 'get',
    path: '/api/search',
    tags: ['search'],
    summary: 'Full-text search with filters, facets, highlights and KWIC',
    request: {
      query: z.object({
        q: z.string().max(500).optional(),
        act: list,
        holder: list,
        entity: list,
        topic: list,
        language: z.string().max(8).optional(),
        doc: z.string().max(200).optional(),
        party: codeParam,
        from: dateParam,
        to: dateParam,
        _facets: z.enum(['0', '1', 'true', 'false']).optional(),
        ...Paging,
      }),
    },
    responses: jsonResponse('Search results'),
  }),
  entities: createRoute({
    method: 'get',
    path: '/api/entities',
    tags: ['entities'],
    summary: 'Entities mentioned, with counts',
    request: { query: z.object({ ...Paging, _limit: intParam(100, 2000) }) },
    responses: jsonResponse('Entities'),
  }),
  entity: createRoute({
    method: 'get',
    path: '/api/entities/{id}',
    tags: ['entities'],
    summary: 'An entity, its mentions over time by act, and its latest mentions',
    request: { params: z.object({ id: z.string().regex(/^[A-Za-z0-9_]{1,64}$/) }), query: z.object({ ...Paging }) },
    responses: jsonResponse('The entity'),
  }),
  positions: createRoute({
    method: 'get',
    path: '/api/positions',
    tags: ['positions'],
    summary: 'Recurring positions across documents',
    request: { query: z.object({ entity: codeParam, topic: codeParam, act: z.enum(ACTS).optional(), ...Paging }) },
    responses: jsonResponse('Positions'),
  }),
  position: createRoute({
    method: 'get',
    path: '/api/positions/{id}',
    tags: ['positions'],
    summary: 'One position: a page of its provisions in date order (_limit, default 200) and its wording variants',
    request: { params: z.object({ id: z.coerce.number().int().min(1) }), query: z.object({ _limit: intParam(200, 1000), _offset: Paging._offset }) },
    responses: jsonResponse('The position'),
  }),
  compare: createRoute({
    method: 'get',
    path: '/api/compare',
    tags: ['compare'],
    summary: 'Compare two documents: kept, reworded, added, dropped, moved',
    request: { query: z.object({ a: z.string().min(1).max(200), b: z.string().min(1).max(200) }) },
    responses: jsonResponse('The comparison'),
  }),
  timeline: createRoute({
    method: 'get',
    path: '/api/timeline',
    tags: ['timeline'],
    summary: 'Provision counts per document date for an entity, topic, act or holder',
    request: {
      query: z.object({
        entity: codeParam,
        topic: codeParam,
        act: z.enum(ACTS).optional(),
        holder: codeParam,
        by: z.enum(['act', 'topic', 'entity', 'holder']).default('act'),
      }),
    },
    responses: jsonResponse('Timeline rows'),
  }),
};

export type RouteName = keyof typeof routes;
export const ROUTES = routes;

/**
 * The JSON API: every UI page has a JSON twin under /api/. Tested in-process with
 * `app.request(...)`; served by `entente serve`.
 */
export function createApp(options: AppOptions): OpenAPIHono {
  const { db } = options;
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new ApiError(400, `invalid ${issue.path.join('.') || 'request'}: ${issue.message}`);
      }
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from "entente token create NAME"',
  });

  const author = (c: Context): string => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new ApiError(401, 'this needs a token: send "Authorization: Bearer TOKEN" (create one with "entente token create NAME")');
    const owner = tokenOwner(db, token);
    if (!owner) throw new ApiError(403, 'unknown token');
    return owner;
  };
  // Writing always needs a token, checked before the request body is even validated.
  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') author(c);
    else if (options.tokenForReads && c.req.path !== '/api/openapi.json') author(c);
    await next();
  });
  // Reads are cached per URL until the database changes (a write through this server, or by
  // another process: SQLite's data_version).
  const cache = new ResponseCache(db);
  app.use('/api/*', async (c, next) => {
    if (options.noCache) return next();
    if (c.req.method !== 'GET') {
      await next();
      cache.clear();
      return;
    }
    const hit = cache.get(c.req.url);
    if (hit) {
      const headers = { 'content-type': 'application/json; charset=UTF-8', 'x-entente-cache': 'hit', vary: 'accept-encoding' };
      // Large cached bodies (an entity's whole timeline) go out compressed to clients that accept it.
      if (hit.body.length > 8192 && /\bgzip\b/.test(c.req.header('accept-encoding') ?? ''))
        return c.body(new Uint8Array(hit.gzip()), 200, { ...headers, 'content-encoding': 'gzip' });
      return c.body(hit.body, 200, headers);
    }
    await next();
    if (c.res.status === 200 && c.res.headers.get('content-type')?.includes('application/json')) cache.set(c.req.url, await c.res.clone().text());
  });
  const docOr404 = (ref: string) => {
    try {
      return findDocument(db, ref);
    } catch (err) {
      if (err instanceof EntenteError) throw new ApiError(err.message.includes('matches') && !err.message.startsWith('no') ? 409 : 404, err.message);
      throw err;
    }
  };

  app.openapi(routes.meta, (c) => {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const topics = readTsv(path.join(DATA_DIR, 'topics.tsv'), ['id']).map((r) => ({ id: r.cells.id, label: r.cells.label ?? r.cells.id }));
    return c.json(
      {
        ok: true,
        version: ANALYZER_VERSION,
        counts: {
          documents: count('SELECT count(*) AS n FROM documents'),
          provisions: count('SELECT count(*) AS n FROM provisions'),
          corrections: count('SELECT count(*) AS n FROM corrections WHERE active = 1'),
        },
        acts: ACTS,
        topics,
        kinds: CORRECTABLE_KINDS,
        languages: db.prepare('SELECT language AS value, count(*) AS count FROM documents GROUP BY language ORDER BY count DESC').all(),
        parties: db.prepare('SELECT j.value AS value, count(*) AS count FROM documents d, json_each(d.parties) j GROUP BY j.value ORDER BY count DESC').all(),
      },
      200,
    );
  });

  app.openapi(routes.documents, (c) => {
    const q = c.req.valid('query');
    const all = listDocuments(db, q);
    return c.json({ ok: true, total: all.length, items: all.slice(q._offset, q._offset + q._limit) }, 200);
  });

  app.openapi(routes.document, (c) => {
    const stored = docOr404(c.req.valid('param').id);
    const { doc, annotations } = loadDoc(db, stored.id);
    const ids = db.prepare('SELECT idx, id FROM provisions WHERE doc_id = ?').all(stored.id) as { idx: number; id: number }[];
    const idOf = new Map(ids.map((r) => [r.idx, r.id]));
    const corrected = new Set(listCorrections(db, { docId: stored.id, active: true }).map((x) => `${x.provisionIndex}|${x.kind}`));
    const provisions = doc.provisions.map((p) => {
      const codes: Record<string, unknown[]> = { acts: [], holders: [], entities: [], topics: [] };
      const key = { act: 'acts', holder: 'holders', entity: 'entities', topic: 'topics' } as const;
      for (const a of annotations.filter((x) => x.provision === p.index))
        codes[key[a.kind]].push({
          label: a.label,
          origin: a.origin,
          rule: a.rule,
          detail: a.detail ?? null,
          evidence: { start: a.start - p.start, end: a.end - p.start, text: doc.text.slice(a.start, a.end) },
        });
      return {
        id: idOf.get(p.index),
        index: p.index,
        start: p.start,
        end: p.end,
        section: p.section,
        text: p.text,
        codes,
        corrected: CORRECTABLE_KINDS.filter((k) => corrected.has(`${p.index}|${k}`)),
      };
    });
    return c.json({ ok: true, document: { ...stored, lines: doc.lines, fieldEvidence: doc.fieldEvidence }, provisions }, 200);
  });

  app.openapi(routes.documentNew, (c) => c.json({ ok: true, ...whatIsNew(db, docOr404(c.req.valid('param').id).id) }, 200));

  app.openapi(routes.reanalyze, (c) => {
    author(c);
    const stored = docOr404(c.req.valid('param').id);
    const t = documentText(db, stored.id);
    const doc = analyzeText(t.text, { path: t.path, format: t.format as never, encoding: t.encoding, hints: {} }, options.context);
    return c.json({ ok: true, id: stored.id, ...replaceAnalysis(db, stored.id, doc) }, 200);
  });

  app.openapi(routes.provision, (c) => {
    const id = c.req.valid('param').id;
    const row = db
      .prepare('SELECT p.id, p.doc_id, p.idx, p.section, p.text, d.name AS doc_name FROM provisions p JOIN documents d ON d.id = p.doc_id WHERE p.id = ?')
      .get(id) as Record<string, unknown> | undefined;
    if (!row) throw new ApiError(404, `no provision ${id}`);
    const codes = db.prepare('SELECT kind, label, origin, rule, detail FROM codes WHERE provision_id = ? ORDER BY kind, label').all(id);
    const history = listCorrections(db, { docId: String(row.doc_id) }).filter((x) => x.provisionIndex === Number(row.idx));
    return c.json({ ok: true, provision: row, codes, corrections: history }, 200);
  });

  app.openapi(routes.correct, (c) => {
    const who = author(c);
    const body = c.req.valid('json');
    try {
      return c.json(
        {
          ok: true,
          correction: addCorrection(db, { provisionId: c.req.valid('param').id, kind: body.kind, labels: body.labels, note: body.note, author: who }),
        },
        200,
      );
    } catch (err) {
      if (err instanceof EntenteError) throw new ApiError(err.message.startsWith('no provision') ? 404 : 422, err.describe());
      throw err;
    }
  });

  app.openapi(routes.corrections, (c) => {
    const doc = c.req.valid('query').doc;
    return c.json({ ok: true, items: listCorrections(db, { docId: doc ? docOr404(doc).id : undefined }) }, 200);
  });

  app.openapi(routes.search, (c) => {
    const q = c.req.valid('query');
    const result = search(db, {
      ...q,
      query: q.q,
      doc: q.doc ? docOr404(q.doc).id : undefined,
      limit: q._limit,
      offset: q._offset,
      facets: q._facets === '1' || q._facets === 'true',
    });
    return c.json({ ok: true, ...result }, 200);
  });

  app.openapi(routes.entities, (c) => {
    const q = c.req.valid('query');
    const items = entityCounts(db);
    return c.json({ ok: true, total: items.length, items: items.slice(q._offset, q._offset + q._limit) }, 200);
  });

  app.openapi(routes.entity, (c) => {
    const id = c.req.valid('param').id;
    const q = c.req.valid('query');
    const g = loadGazetteer('en');
    const e = g.entities.get(id);
    if (!e) throw new ApiError(404, `no entity "${id}" in the gazetteer`);
    return c.json(
      {
        ok: true,
        entity: { id, type: e.type, state: e.state, names: e.names },
        timeline: timeline(db, { entity: id }, 'act'),
        mentions: search(db, { entity: [id], limit: q._limit, offset: q._offset, facets: true }),
      },
      200,
    );
  });

  app.openapi(routes.positions, (c) => {
    const q = c.req.valid('query');
    const result = listPositions(db, { ...q, limit: q._limit, offset: q._offset });
    return c.json({ ok: true, total: result.total, items: result.positions }, 200);
  });

  app.openapi(routes.position, (c) => {
    const { _limit, _offset } = c.req.valid('query');
    const detail = getPosition(db, c.req.valid('param').id, { limit: _limit, offset: _offset });
    if (!detail) throw new ApiError(404, `no position ${c.req.valid('param').id}`);
    return c.json({ ok: true, position: detail }, 200);
  });

  app.openapi(routes.compare, (c) => {
    const { a, b } = c.req.valid('query');
    const docA = docOr404(a);
    const docB = docOr404(b);
    const comparison = compareStored(db, docA.id, docB.id);
    const texts = (id: string) => loadComparable(db, id).provisions.map((p) => ({ index: p.index, text: p.text, acts: p.acts, topics: p.topics }));
    return c.json({ ok: true, comparison, a: texts(docA.id), b: texts(docB.id) }, 200);
  });

  app.openapi(routes.timeline, (c) => {
    const q = c.req.valid('query');
    return c.json({ ok: true, rows: timeline(db, q, q.by) }, 200);
  });

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Entente API', version: ANALYZER_VERSION, description: 'Joint statements as a structured, searchable record.' },
  });

  app.notFound((c) => c.json({ ok: false, error: `no route ${c.req.method} ${c.req.path}`, status: 404 }, 404));
  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json({ ok: false, error: err.message, status: err.status }, err.status);
    if (err instanceof EntenteError) return c.json({ ok: false, error: err.describe(), status: 400 }, 400);
    console.error(err);
    return c.json({ ok: false, error: 'internal error', status: 500 }, 500);
  });
  return app;
}
