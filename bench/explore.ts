/**
 * Explore benchmark (`npm run bench:explore`): search latency, compare and positions on a
 * synthetic corpus of about 1M provisions built from the shared texts, and API latency under
 * 100 concurrent connections (autocannon) on a 100k-provision database.
 *
 *   npm run bench:explore                      1M provisions (builds bench/out/explore-1000k.db once)
 *   npm run bench:explore -- --provisions 200000
 *   npm run bench:explore -- --skip-api
 *
 * The synthetic corpus repeats every analysed shared text with a distinct closing line and a
 * date spread over 2010–2024, so that date filters, facets and positions have real work to do.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { analyzeText } from '../src/analyze/pipeline.ts';
import type { Doc } from '../src/core/types.ts';
import { normalizeText } from '../src/core/normalize.ts';
import { openDatabase, type Db } from '../src/store/database.ts';
import { DocumentWriter } from '../src/store/writer.ts';
import { boundHeapGrowth } from '../src/core/heap.ts';
import { search, type SearchOptions } from '../src/query/search.ts';
import { compareStored } from '../src/query/explore.ts';
import { buildPositions } from '../src/query/positions.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'out');
const SHARED = path.resolve(HERE, '../../shared/corpus');

const { values } = parseArgs({
  options: {
    provisions: { type: 'string', default: '1000000' },
    'api-provisions': { type: 'string', default: '100000' },
    'skip-api': { type: 'boolean' },
    rebuild: { type: 'boolean' },
    'positions-only': { type: 'boolean' },
    'no-cache': { type: 'boolean' },
  },
});

function baseDocs(): Doc[] {
  const docs: Doc[] = [];
  for (const set of ['seeds', 'dev'])
    for (const f of readdirSync(path.join(SHARED, set)).sort())
      docs.push(
        analyzeText(normalizeText(readFileSync(path.join(SHARED, set, f), 'utf8')), { path: `${set}/${f}`, format: 'text', encoding: 'utf-8', hints: {} }),
      );
  return docs;
}

/** A copy of an analysed document with a distinct text (a closing line) and date; offsets are unchanged. */
function copyOf(doc: Doc, k: number): Doc {
  const year = 2010 + (k % 15);
  const date = doc.date ? `${year}${doc.date.slice(4)}` : `${year}-06-${String(1 + (k % 28)).padStart(2, '0')}`;
  return { ...doc, text: `${doc.text}\n\n(copie ${k})`, date, source: { ...doc.source, path: `${doc.source.path.replace(/\.txt$/, '')}-${k}.txt` } };
}

function buildDb(file: string, target: number): { db: Db; seconds: number; provisions: number; documents: number } {
  const fresh = values.rebuild || !existsSync(file);
  if (fresh) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(file);
  const have = (db.prepare('SELECT count(*) AS n FROM provisions').get() as { n: number }).n;
  const t0 = performance.now();
  if (have < target) {
    const bases = baseDocs();
    // The same writer as `entente ingest`, so the index has the shape an ingest gives it.
    const writer = new DocumentWriter(db);
    let provisions = have;
    let k = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    while (provisions < target) {
      for (const base of bases) {
        writer.save(copyOf(base, k++));
        provisions += base.provisions.length;
      }
      if (k % 1100 === 0) process.stderr.write(`\r  building ${path.basename(file)}: ${provisions} provisions`);
    }
    writer.close();
    process.stderr.write('\n');
  }
  const n = db.prepare('SELECT (SELECT count(*) FROM provisions) AS p, (SELECT count(*) FROM documents) AS d').get() as { p: number; d: number };
  return { db, seconds: (performance.now() - t0) / 1000, provisions: n.p, documents: n.d };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timeQueries(db: Db, queries: { name: string; options: SearchOptions }[], runs = 30) {
  return queries.map(({ name, options }) => {
    search(db, options); // warm-up
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      total = search(db, options).total;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { name, hits: total, p50: percentile(times, 50), p95: percentile(times, 95) };
  });
}

async function apiLoad(file: string) {
  const port = 8600 + Math.floor(Math.random() * 300);
  const server = spawn(
    process.execPath,
    [
      path.join(HERE, '../bin/entente.js'),
      'serve',
      '--db',
      file,
      '--port',
      String(port),
      '--workers',
      String(Math.min(2, os.cpus().length)),
      ...(values['no-cache'] ? ['--no-cache'] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => d.toString().includes('serving') && setTimeout(resolve, 1500));
    server.on('exit', () => reject(new Error('the server stopped')));
  });
  const db = openDatabase(file, { readonly: true });
  const docs = (db.prepare('SELECT id FROM documents ORDER BY random() LIMIT 200').all() as { id: string }[]).map((r) => r.id);
  db.close();
  const url = `http://127.0.0.1:${port}`;
  const endpoints = [
    { name: 'document', requests: docs.map((id) => ({ method: 'GET' as const, path: `/api/documents/${id}` })) },
    {
      name: 'search',
      requests: ['sanctions', 'coopération', '"armes nucléaires"', 'nuclear', 'OTAN', 'énergie'].map((q) => ({
        method: 'GET' as const,
        path: `/api/search?q=${encodeURIComponent(q)}&_limit=20`,
      })),
    },
    {
      name: 'search + filters',
      requests: [
        { method: 'GET' as const, path: '/api/search?q=coop%C3%A9ration&act=commit&from=2015&to=2019' },
        { method: 'GET' as const, path: '/api/search?entity=nato&act=oppose' },
      ],
    },
    { name: 'entity', requests: ['nato', 'npt', 'un', 'sco'].map((id) => ({ method: 'GET' as const, path: `/api/entities/${id}` })) },
  ];
  const results = [];
  for (const e of endpoints) {
    // Like a browser, the load tool accepts gzip.
    const r = await autocannon({ url, connections: 100, duration: 10, requests: e.requests, headers: { 'accept-encoding': 'gzip' } });
    results.push({
      endpoint: e.name,
      requests: r.requests.total,
      rps: r.requests.average,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p97_5: r.latency.p97_5,
      p99: r.latency.p99,
      errors: r.errors,
      non2xx: r.non2xx,
    });
  }
  server.kill('SIGTERM');
  return results;
}

async function main() {
  boundHeapGrowth(); // as the CLI does
  mkdirSync(OUT, { recursive: true });
  const target = Number(values.provisions);
  const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model, cores: os.cpus().length };
  console.log(`Entente explore benchmark — ${report.cpu}, ${report.cores} cores, Node ${report.node}`);

  const file = path.join(OUT, `explore-${Math.round(target / 1000)}k.db`);
  const built = buildDb(file, target);
  report.corpus = { provisions: built.provisions, documents: built.documents, buildSeconds: built.seconds };
  console.log(`corpus: ${built.provisions} provisions in ${built.documents} documents (${built.seconds.toFixed(0)} s to build)`);

  const queries = [
    { name: 'word: sanctions', options: { query: 'sanctions' } },
    { name: 'word: coopération (very common)', options: { query: 'coopération' } },
    { name: 'word: nuclear', options: { query: 'nuclear' } },
    { name: 'phrase: "armes nucléaires"', options: { query: '"armes nucléaires"' } },
    { name: 'phrase: "mesures coercitives unilatérales"', options: { query: '"mesures coercitives unilatérales"' } },
    { name: 'prefix: coerc*', options: { query: 'coerc*' } },
    { name: 'boolean: énergie OR energy -nucléaire', options: { query: 'énergie OR energy -nucléaire' } },
    { name: 'filtered: coopération + act=commit + 2015–2019', options: { query: 'coopération', act: ['commit'], from: '2015', to: '2019' } },
    { name: 'filtered: entity=nato + act=oppose', options: { entity: ['nato'], act: ['oppose'] } },
    { name: 'filtered: sanctions + language=en', options: { query: 'sanctions', language: 'en' } },
  ];
  if (values['positions-only']) queries.length = 0;
  const search1 = timeQueries(built.db, queries);
  const withFacets = timeQueries(
    built.db,
    queries.slice(0, 3).map((q) => ({ name: `${q.name} + facets`, options: { ...q.options, facets: true } })),
    5,
  );
  report.search = search1;
  report.searchWithFacets = withFacets;
  console.log('\nsearch (limit 20, total count, highlights, KWIC), 30 runs each:');
  for (const r of [...search1, ...withFacets])
    console.log(`  ${r.name.padEnd(52)} hits ${String(r.hits).padStart(8)}  p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms`);

  // Compare: the longest shared statement (33 KB) with a copy of itself, and with another copy set member.
  const big = values['positions-only']
    ? []
    : (built.db.prepare("SELECT id FROM documents WHERE path LIKE 'seeds/003%' ORDER BY id LIMIT 2").all() as { id: string }[]);
  const times: number[] = [];
  for (let i = 0; i < (big.length ? 20 : 0); i++) {
    const t = performance.now();
    compareStored(built.db, big[0].id, big[1].id);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const textBytes = big.length ? (built.db.prepare('SELECT length(CAST(text AS BLOB)) AS n FROM documents WHERE id = ?').get(big[0].id) as { n: number }).n : 0;
  if (times.length) {
    report.compare = { bytes: textBytes, p50: percentile(times, 50), p95: percentile(times, 95) };
    console.log(
      `\ncompare two ${Math.round(textBytes / 1024)} KB statements (from the database): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
    );
  }

  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const positions = buildPositions(built.db, (n) => process.stderr.write(`\r  positions: ${n} provisions read`));
  process.stderr.write('\n');
  const seconds = (performance.now() - t0) / 1000;
  report.positions = { ...positions, seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, rssBeforeMB: rssBefore / 2 ** 20 };
  console.log(
    `positions over ${built.provisions} provisions: ${positions.positions} positions (${positions.provisions} provisions, ${positions.pairs} comparisons) in ${seconds.toFixed(0)} s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  built.db.close();

  if (!values['skip-api']) {
    const apiFile = path.join(OUT, `explore-${Math.round(Number(values['api-provisions']) / 1000)}k.db`);
    const apiDb = buildDb(apiFile, Number(values['api-provisions']));
    apiDb.db.close();
    console.log(`\nAPI under load (autocannon, 100 connections, 10 s per endpoint, server in its own process) on ${apiDb.provisions} provisions:`);
    const api = await apiLoad(apiFile);
    report.api = api;
    for (const r of api)
      console.log(
        `  ${r.endpoint.padEnd(18)} ${String(r.requests).padStart(6)} requests  ${r.rps.toFixed(0).padStart(5)} req/s  p50 ${r.p50} ms  p90 ${r.p90} ms  p97.5 ${r.p97_5} ms  p99 ${r.p99} ms  errors ${r.errors}  non-2xx ${r.non2xx}`,
      );
  }
  writeFileSync(path.join(OUT, 'explore.json'), JSON.stringify(report, null, 2));
  console.log(`\nwritten ${path.join(OUT, 'explore.json')}`);
}

await main();
