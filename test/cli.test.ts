import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/entente.js', import.meta.url));
const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });

test('ingest reports each unreadable file on one line, goes on, and exits non-zero', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-cli-'));
  const corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  writeFileSync(path.join(corpus, 'good.txt'), 'Déclaration\n\nLes deux parties renforceront leur coopération.');
  writeFileSync(path.join(corpus, 'empty.txt'), '');
  writeFileSync(path.join(corpus, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  const r = run(['ingest', corpus, path.join(dir, 'missing.md'), '--db', path.join(dir, 'e.db')]);
  assert.equal(r.status, 1);
  const errors = r.stderr
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('✗'));
  assert.equal(errors.length, 3);
  assert.ok(errors.some((l) => l.includes('empty.txt') && l.includes('empty')));
  assert.ok(errors.some((l) => l.includes('image.txt') && l.includes('binary')));
  assert.ok(errors.some((l) => l.includes('missing.md') && l.includes('no such file')));
  assert.match(r.stdout, /added\s+unchanged\s+failed[\s\S]*\n1\s+0\s+3\s/);
});

test('a gazetteer file next to the database adds entities to the analysis', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-cli-'));
  writeFileSync(
    path.join(dir, 'entente-gazetteer.tsv'),
    'id\talias\tkind\ttype\tstate\nblack_sea_grain_initiative\tBlack Sea Grain Initiative\tname\tinitiative\t\n',
  );
  writeFileSync(path.join(dir, 's.txt'), 'Joint Statement\n\nThe two sides support the Black Sea Grain Initiative.');
  const db = path.join(dir, 'e.db');
  assert.equal(run(['ingest', path.join(dir, 's.txt'), '--db', db]).status, 0);
  const shown = JSON.parse(run(['show', 's', '--db', db, '--json']).stdout);
  assert.deepEqual(shown.provisions[0].entities, ['black_sea_grain_initiative']);
  const listed = JSON.parse(run(['entities', '--db', db, '--json']).stdout);
  assert.ok(listed.some((e: { id: string }) => e.id === 'black_sea_grain_initiative'));
});

test('commands explain bad input instead of crashing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-cli-'));
  const noDb = run(['list', '--db', path.join(dir, 'none.db')]);
  assert.equal(noDb.status, 1);
  assert.match(noDb.stderr, /no such database.*run "entente ingest PATH" first/);
  const unknown = run(['frobnicate']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
  const badOption = run(['list', '--colour']);
  assert.equal(badOption.status, 2);
  assert.doesNotMatch(badOption.stderr, /at .*\.ts:\d+/, 'no stack trace');
});
