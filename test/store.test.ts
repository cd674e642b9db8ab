import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/store/database.ts';
import { documentHash, saveDocument, replaceAnalysis, listDocuments, findDocument, documentProvisions, effectiveAnnotations } from '../src/store/documents.ts';
import { ingestFiles, expandInputs } from '../src/ingest/ingest.ts';
import { DocumentWriter } from '../src/store/writer.ts';
import { defaultContext } from '../src/analyze/stage.ts';
import { analyze } from './helpers.ts';

const BIN = fileURLToPath(new URL('../bin/entente.js', import.meta.url));
const tmp = () => mkdtempSync(path.join(tmpdir(), 'entente-store-'));
const TEXT =
  'Déclaration conjointe\n\n1. Les deux parties renforceront leur coopération énergétique. Elles s’opposent aux sanctions unilatérales.\n2. La France et l’Inde soutiennent les Nations unies.';

test('ingesting the same text twice adds it once', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'a.txt'), TEXT);
  writeFileSync(path.join(dir, 'copy.txt'), TEXT.replace(/\n/g, '\r\n'));
  const db = openDatabase(path.join(dir, 'e.db'));
  const first = await ingestFiles(db, expandInputs([dir]), defaultContext());
  assert.deepEqual([first.added, first.unchanged, first.failed], [1, 1, 0]);
  const again = await ingestFiles(db, expandInputs([dir]), defaultContext());
  assert.deepEqual([again.added, again.unchanged], [0, 2]);
  assert.equal(listDocuments(db).length, 1);
  db.close();
});

test('a document that fails while being stored leaves nothing behind', () => {
  const db = openDatabase(':memory:');
  const doc = analyze(TEXT);
  // An annotation the store refuses, found after the document row is written.
  doc.annotations.push({ kind: 'bogus' as never, label: 'x', provision: 0, start: 0, end: 1, rule: 'test', origin: 'machine' });
  assert.throws(() => saveDocument(db, doc), /unknown annotation kind "bogus"/);
  for (const table of ['documents', 'provisions', 'codes'])
    assert.equal((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, 0, `${table} is empty`);
});

test('in a batched ingest, a document that fails is rolled back alone and the batch is committed', () => {
  const dir = tmp();
  const dbFile = path.join(dir, 'batch.db');
  const db = openDatabase(dbFile);
  const settings = [db.pragma('wal_autocheckpoint', { simple: true }), db.pragma('cache_size', { simple: true })];
  const writer = new DocumentWriter(db, { documents: 3, ms: 60_000 });
  const texts = [0, 1, 2, 3].map((i) => `${TEXT}\n${i + 3}. Les parties se réuniront en ${2030 + i}.`);
  writer.save(analyze(texts[0]));
  const bad = analyze(texts[1]);
  bad.annotations.push({ kind: 'bogus' as never, label: 'x', provision: 0, start: 0, end: 1, rule: 'test', origin: 'machine' });
  assert.throws(() => writer.save(bad), /unknown annotation kind "bogus"/);
  writer.save(analyze(texts[2]));
  // Not yet committed: another connection sees nothing.
  const count = () => {
    const other = openDatabase(dbFile, { readonly: true });
    const n = (other.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    other.close();
    return n;
  };
  assert.equal(count(), 0);
  writer.save(analyze(texts[3]));
  assert.equal(count(), 3, 'the batch of three saved documents is committed');
  writer.close();
  const names = (db.prepare('SELECT count(*) AS n FROM provisions WHERE doc_id NOT IN (SELECT id FROM documents)').get() as { n: number }).n;
  assert.equal(names, 0, 'no provision of the failed document is left');
  assert.equal(listDocuments(db).length, 3);
  // The batch's codes were written with it, all of them and only the stored documents'.
  const expected = [texts[0], texts[2], texts[3]].reduce((n, t) => n + analyze(t).annotations.length, 0);
  assert.equal((db.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n, expected);
  // The batch's full-text entries were written with it: one per stored provision, none for the failed document.
  const indexed = (q: string) => (db.prepare('SELECT count(*) AS n FROM provision_index WHERE provision_index MATCH ?').get(q) as { n: number }).n;
  assert.equal(indexed('stems:2032'), 1);
  assert.equal(indexed('stems:2031'), 0);
  const provisions = (db.prepare('SELECT count(*) AS n FROM provisions').get() as { n: number }).n;
  assert.equal((db.prepare("SELECT count(*) AS n FROM provision_index WHERE provision_index MATCH 'lang_fr'").get() as { n: number }).n, provisions);
  // References are not checked row by row inside a batch, but every stored row points to its document,
  // and the connection checks references again once the batch is committed.
  assert.deepEqual(db.prepare('PRAGMA foreign_key_check').all(), []);
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  // The writer's own cache and checkpoint settings do not outlive it.
  assert.deepEqual([db.pragma('wal_autocheckpoint', { simple: true }), db.pragma('cache_size', { simple: true })], settings);
  assert.throws(() => db.prepare("INSERT INTO provisions (doc_id, idx, start, end, paragraph, text) VALUES ('nope', 0, 0, 1, 0, 'x')").run(), /FOREIGN KEY/);
  db.close();
});

test('a batch that cannot be committed is lost whole and its documents are reported as failed', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'a.txt'), TEXT);
  writeFileSync(path.join(dir, 'b.txt'), `${TEXT}\n3. Les parties se réuniront en 2031.`);
  const db = openDatabase(path.join(dir, 'lost.db'));
  // Make the batch's commit fail as a full disk would.
  const prepare = db.prepare.bind(db);
  let diskFull = true;
  db.prepare = ((sql: string) => {
    if (diskFull && sql === 'COMMIT') throw new Error('database or disk is full');
    return prepare(sql);
  }) as typeof db.prepare;
  const summary = await ingestFiles(db, [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')], defaultContext());
  assert.deepEqual([summary.added, summary.failed, summary.provisions], [0, 2, 0]);
  assert.deepEqual(summary.languages, {});
  for (const o of summary.outcomes) assert.match(o.error ?? '', /could not be committed \(database or disk is full\); none of them was stored/);
  for (const table of ['documents', 'provisions', 'codes'])
    assert.equal((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, 0, `${table} is empty`);
  assert.equal((db.prepare("SELECT count(*) AS n FROM provision_index WHERE provision_index MATCH 'lang_fr'").get() as { n: number }).n, 0);
  // Once the cause is gone, running the ingest again stores both.
  diskFull = false;
  const again = await ingestFiles(db, [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')], defaultContext());
  assert.deepEqual([again.added, again.failed], [2, 0]);
  assert.ok((db.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n > 0);
  db.close();
});

test('re-analysis replaces machine codes in place and keeps the document', () => {
  const db = openDatabase(':memory:');
  const doc = analyze(TEXT);
  const { id } = saveDocument(db, doc);
  const before = effectiveAnnotations(db, id).length;
  replaceAnalysis(db, id, analyze(TEXT));
  assert.equal(effectiveAnnotations(db, id).length, before);
  assert.equal(documentProvisions(db, id).length, doc.provisions.length);
});

test('documents are found by id, id prefix and file name with or without extension', () => {
  const db = openDatabase(':memory:');
  const doc = analyze(TEXT, 'folder/statement-2021.txt');
  const { id } = saveDocument(db, doc);
  for (const ref of [id, id.slice(0, 6), 'statement-2021.txt', 'statement-2021']) assert.equal(findDocument(db, ref).id, id, ref);
  assert.throws(() => findDocument(db, 'nothing-like-it'), /no stored document matches/);
});

test('a file that cannot be read is reported and the run goes on', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'good.txt'), TEXT);
  writeFileSync(path.join(dir, 'empty.txt'), '');
  const db = openDatabase(':memory:');
  const summary = await ingestFiles(db, [path.join(dir, 'empty.txt'), path.join(dir, 'missing.txt'), path.join(dir, 'good.txt')], defaultContext());
  assert.deepEqual([summary.added, summary.failed], [1, 2]);
  assert.match(summary.outcomes[0].error!, /empty\.txt: the file is empty/);
  assert.match(summary.outcomes[1].error!, /missing\.txt: no such file/);
});

test('killing an ingest mid-run leaves only complete documents', async () => {
  const dir = tmp();
  const corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < 400; i++)
    writeFileSync(path.join(corpus, `s${String(i).padStart(3, '0')}.txt`), `${TEXT}\n${i}. Les parties tiendront leur réunion numéro ${i}.`);
  const dbFile = path.join(dir, 'kill.db');
  const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--db', dbFile], { stdio: 'ignore' });
  // Wait until some documents are stored, then kill without warning.
  for (let t = 0; t < 200; t++) {
    await new Promise((r) => setTimeout(r, 50));
    if (!existsSync(dbFile)) continue;
    try {
      const probe = openDatabase(dbFile, { readonly: true });
      const n = (probe.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
      probe.close();
      if (n >= 5) break;
    } catch {
      /* the schema may not exist yet */
    }
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.on('exit', r));
  const db = openDatabase(dbFile);
  assert.equal(db.pragma('integrity_check', { simple: true }) as string, 'ok');
  const docs = listDocuments(db);
  assert.ok(docs.length >= 5 && docs.length < 400, `stopped mid-run (${docs.length} stored)`);
  const expected = analyze(`${TEXT}\n0. Les parties tiendront leur réunion numéro 0.`).provisions.length;
  for (const d of docs) {
    assert.equal(d.provisions, expected, `${d.name} is complete`);
    assert.ok(
      effectiveAnnotations(db, d.id).some((a) => a.kind === 'act'),
      `${d.name} has its codes`,
    );
  }
  db.close();
});

test('two ingests running at once into one database both complete', async () => {
  const dir = tmp();
  const dbFile = path.join(dir, 'shared.db');
  const folders = ['a', 'b'].map((name) => {
    const folder = path.join(dir, name);
    mkdirSync(folder);
    for (let i = 0; i < 120; i++)
      writeFileSync(path.join(folder, `${name}${i}.txt`), `${TEXT}\n${i + 3}. Les parties tiendront la réunion ${name} numéro ${i}.`);
    return folder;
  });
  // Create the schema first, so that both processes only write documents.
  openDatabase(dbFile).close();
  const codes = await Promise.all(
    folders.map(
      (folder) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [BIN, 'ingest', folder, '--db', dbFile], { stdio: 'ignore' });
          child.on('exit', resolve);
        }),
    ),
  );
  assert.deepEqual(codes, [0, 0], 'neither ingest reported a failed document');
  const db = openDatabase(dbFile);
  assert.equal(listDocuments(db).length, 240);
  db.close();
});

test('a document is identified by its text with every run of whitespace read as one space', () => {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  assert.equal(documentHash('Les deux parties\n\nsoulignent  que\tla\u00a0paix '), sha('Les deux parties soulignent que la paix'));
  assert.equal(documentHash(' a b\nc '), sha('a b c'));
  assert.notEqual(documentHash('a b'), documentHash('ab'));
});

test('machine codes are stored as valid JSON and read back exactly, whatever their texts hold', () => {
  const db = openDatabase(':memory:');
  const doc = analyze(TEXT);
  doc.annotations = doc.annotations.filter((a) => a.provision !== 0);
  const odd = [
    { rule: 'rule with "quotes" and a \\ backslash', detail: 'line one\nline two\ttab' },
    { rule: 'accents: sécurité, ’apostrophe’, emoji 🌍', detail: undefined },
    { rule: 'control \u0001 character', detail: '' },
  ];
  odd.forEach(({ rule, detail }, n) =>
    doc.annotations.push({ kind: 'act', label: `assert`, provision: 0, start: n, end: n + 1, rule, detail, origin: 'machine' }),
  );
  const { id } = saveDocument(db, doc);
  const stored = db.prepare('SELECT machine_codes FROM provisions WHERE doc_id = ? AND idx = 0').pluck().get(id) as string;
  assert.deepEqual(
    JSON.parse(stored),
    odd.map(({ rule, detail }, n) => (detail === undefined ? ['act', 'assert', n, n + 1, rule] : ['act', 'assert', n, n + 1, rule, detail])),
  );
  const readBack = effectiveAnnotations(db, id).filter((a) => a.provision === 0);
  assert.deepEqual(
    readBack.map((a) => [a.start, a.rule, a.detail]),
    odd.map(({ rule, detail }, n) => [n, rule, detail]),
  );
});
