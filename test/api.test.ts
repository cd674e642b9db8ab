import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, ROUTES } from '../src/server/app.ts';
import { openDatabase } from '../src/store/database.ts';
import { saveDocument } from '../src/store/documents.ts';
import { createToken } from '../src/store/corrections.ts';
import { analyze } from './helpers.ts';

function setup(tokenForReads = false) {
  const db = openDatabase(':memory:');
  const a = saveDocument(
    db,
    analyze(
      'Déclaration de 2019\n\nLes deux parties s’opposent aux mesures coercitives unilatérales et à l’élargissement de l’OTAN.\nLes deux parties renforceront leur coopération énergétique.\nMoscou, le 5 juin 2019',
      'a.txt',
    ),
  );
  const b = saveDocument(
    db,
    analyze(
      'Déclaration de 2021\n\nLes deux parties s’opposent fermement aux mesures coercitives unilatérales.\nLes deux parties expriment leur préoccupation face à l’AUKUS.\nPékin, le 28 juin 2021',
      'b.txt',
    ),
  );
  const token = createToken(db, 'analyst');
  return { db, app: createApp({ db, tokenForReads }), token, a: a.id, b: b.id };
}

const get = async (app: ReturnType<typeof setup>['app'], url: string, headers: Record<string, string> = {}) => {
  const res = await app.request(url, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

test('every route answers JSON in-process, documents and search included', async () => {
  const { app, a, b } = setup();
  const paths = [
    '/api/meta',
    '/api/documents',
    `/api/documents/${a}`,
    `/api/documents/${b}/new`,
    '/api/provisions/1',
    '/api/corrections',
    '/api/search?q=coercitives&_facets=1',
    '/api/entities',
    '/api/entities/nato',
    '/api/positions',
    `/api/compare?a=${a}&b=${b}`,
    '/api/timeline?entity=nato',
  ];
  for (const p of paths) {
    const r = await get(app, p);
    assert.equal(r.status, 200, p);
    assert.equal(r.body.ok, true, p);
  }
  const doc = (await get(app, `/api/documents/${a}`)).body;
  assert.equal(doc.provisions.length, 2);
  const act = doc.provisions[0].codes.acts[0];
  assert.equal(act.label, 'oppose');
  assert.equal(doc.provisions[0].text.slice(act.evidence.start, act.evidence.end), act.evidence.text, 'evidence offsets are relative to the provision');
  const s = (await get(app, '/api/search?q=coercitives&act=oppose&_facets=1')).body;
  assert.equal(s.total, 2);
  assert.ok(s.facets.years.length === 2);
});

test('every error has one shape: { ok: false, error, status }', async () => {
  const { app, a } = setup();
  const cases: [string, RequestInit | undefined, number][] = [
    ['/api/nowhere', undefined, 404],
    ['/api/documents/no-such-doc', undefined, 404],
    ['/api/search?q=(', undefined, 400],
    ['/api/search?q=-x', undefined, 400],
    ['/api/documents?_limit=lots', undefined, 400],
    ['/api/search?from=last-year', undefined, 400],
    ['/api/positions/999999', undefined, 404],
    ['/api/entities/not_an_entity', undefined, 404],
    ['/api/provisions/1/corrections', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }, 401],
    [`/api/documents/${a}/reanalyze`, { method: 'POST', headers: { authorization: 'Bearer wrong' } }, 403],
  ];
  for (const [url, init, status] of cases) {
    const res = await app.request(url, init);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(res.status, status, url);
    assert.deepEqual(Object.keys(body).sort(), ['error', 'ok', 'status'], url);
    assert.equal(body.ok, false);
    assert.equal(body.status, status);
    assert.equal(typeof body.error, 'string');
  }
});

test('the OpenAPI document lists exactly the routes the app serves', async () => {
  const { app } = setup();
  const spec = (await get(app, '/api/openapi.json')).body;
  assert.equal(spec.openapi, '3.1.0');
  const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();
  const defined = Object.values(ROUTES)
    .map((r) => `${r.method.toUpperCase()} ${r.path}`)
    .sort();
  assert.deepEqual(documented, defined);
  const served = app.routes
    .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/openapi.json' && r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  assert.deepEqual([...new Set(served)].sort(), defined);
});

test('a correction needs a token, is validated, replaces the machine codes and survives re-analysis', async () => {
  const { app, token, a } = setup();
  const doc = (await get(app, `/api/documents/${a}`)).body;
  const provision = doc.provisions[1];
  const post = (body: unknown, auth = true) =>
    app.request(`/api/provisions/${provision.id}/corrections`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
    });
  assert.equal((await post({ kind: 'act', labels: ['support'] }, false)).status, 401);
  assert.equal((await post({ kind: 'act', labels: ['praise'] })).status, 422, 'unknown act');
  assert.equal((await post({ kind: 'colour', labels: ['red'] })).status, 400, 'unknown kind');
  const ok = await post({ kind: 'act', labels: ['support', 'commit'], note: 'energy pledge read as support' });
  assert.equal(ok.status, 200);
  const correction = ((await ok.json()) as Record<string, any>).correction;
  assert.equal(correction.author, 'analyst');
  assert.deepEqual(correction.labels, ['commit', 'support']);
  assert.deepEqual(correction.machineLabels, ['commit']);

  const check = async () => {
    const d = (await get(app, `/api/documents/${a}`)).body;
    const p = d.provisions.find((x: { text: string }) => x.text === provision.text);
    assert.deepEqual(p.codes.acts.map((c: { label: string }) => c.label).sort(), ['commit', 'support']);
    assert.ok(p.codes.acts.every((c: { origin: string }) => c.origin === 'human'));
    assert.deepEqual(p.corrected, ['act']);
    const s = (await get(app, '/api/search?act=support')).body;
    assert.ok(
      s.hits.some((h: { text: string }) => h.text === provision.text),
      'search uses the corrected codes',
    );
  };
  await check();
  const re = await app.request(`/api/documents/${a}/reanalyze`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  assert.equal(re.status, 200);
  await check();
  const list = (await get(app, '/api/corrections')).body;
  assert.equal(list.items.length, 1);
  assert.equal(list.items[0].author, 'analyst');
});

test('off loopback, reads need a token too', async () => {
  const { app, token } = setup(true);
  assert.equal((await get(app, '/api/documents')).status, 401);
  assert.equal((await get(app, '/api/documents', { authorization: `Bearer ${token}` })).status, 200);
});

test('document text is returned as data, never as markup', async () => {
  const db = openDatabase(':memory:');
  const { id } = saveDocument(db, analyze('Titre\n\nLes deux parties rejettent <script>alert(1)</script> toute ingérence.', 'x.txt'));
  const app = createApp({ db });
  const res = await app.request(`/api/documents/${id}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = (await res.json()) as Record<string, any>;
  assert.ok(body.provisions[0].text.includes('<script>'), 'the text is kept verbatim, as JSON data');
});

test('reads are cached until the database changes', async () => {
  const { app, token, a, db } = setup();
  const first = await app.request(`/api/documents/${a}`);
  assert.equal(first.headers.get('x-entente-cache'), null);
  const second = await app.request(`/api/documents/${a}`);
  assert.equal(second.headers.get('x-entente-cache'), 'hit');
  assert.deepEqual(await second.json(), await first.json());
  const pid = (db.prepare('SELECT id FROM provisions WHERE doc_id = ? AND idx = 0').get(a) as { id: number }).id;
  await app.request(`/api/provisions/${pid}/corrections`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'topic', labels: ['sanctions'] }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  const third = await app.request(`/api/documents/${a}`);
  assert.equal(third.headers.get('x-entente-cache'), null, 'a write empties the cache');
  const body = (await third.json()) as { provisions: { codes: { topics: { label: string }[] } }[] };
  assert.deepEqual(
    body.provisions[0].codes.topics.map((t) => t.label),
    ['sanctions'],
  );
});

test('large cached responses go out gzip-compressed to clients that accept it', async () => {
  const { gunzipSync } = await import('node:zlib');
  const db = openDatabase(':memory:');
  const body = Array.from({ length: 80 }, (_, i) => `Les deux parties renforceront leur coopération dans le domaine numéro ${i}.`).join('\n');
  const { id } = saveDocument(db, analyze(`Déclaration\n\n${body}`, 'long.txt'));
  const app = createApp({ db });
  await app.request(`/api/documents/${id}`);
  const text = await (await app.request(`/api/documents/${id}`)).text();
  assert.ok(text.length > 8192, 'a large body');
  const res = await app.request(`/api/documents/${id}`, { headers: { 'accept-encoding': 'gzip, deflate' } });
  assert.equal(res.headers.get('content-encoding'), 'gzip');
  assert.equal(gunzipSync(Buffer.from(await res.arrayBuffer())).toString(), text);
});
