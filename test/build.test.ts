import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, currentBuild, isCurrent } from '../scripts/build.js';

const BIN = fileURLToPath(new URL('../bin/entente.js', import.meta.url));

/** A project folder with one CLI source file, its modification time set to `at` (seconds). */
function project(at: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'entente-build-'));
  mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
  const main = path.join(root, 'src', 'cli', 'main.ts');
  writeFileSync(main, 'const answer: number = 41;\nexport async function main(): Promise<number> {\n  return answer + 1;\n}\n');
  utimesSync(main, at, at);
  return root;
}

test('a build is current only while it is newer than every source file; scratch folders do not count', async () => {
  const root = project(1_000_000);
  mkdirSync(path.join(root, 'src', 'tmp'));
  assert.equal(isCurrent('cli', root), false, 'no build yet');
  const out = await build('cli', root);
  assert.equal(isCurrent('cli', root), true);
  const { main } = (await import(pathToFileURL(out).href)) as { main: () => Promise<number> };
  assert.equal(await main(), 42, 'the build runs the TypeScript source');
  assert.deepEqual(readFileSync(out, 'utf8').match(/: number/g), null, 'types are stripped');
  // A scratch script under a tmp/ folder is not a source of the build.
  writeFileSync(path.join(root, 'src', 'tmp', 'scratch.ts'), 'export {};\n');
  assert.equal(isCurrent('cli', root), true);
  // A source edited after the build makes it stale: it is built again before it is run.
  utimesSync(out, 2_000_000, 2_000_000);
  utimesSync(path.join(root, 'src', 'cli', 'main.ts'), 3_000_000, 3_000_000);
  assert.equal(isCurrent('cli', root), false);
  assert.equal(await currentBuild('cli', root), out);
  assert.equal(isCurrent('cli', root), true);
  // A source file removed (its folder changes) makes the build stale too.
  writeFileSync(path.join(root, 'src', 'cli', 'unused.ts'), 'export {};\n');
  await build('cli', root);
  utimesSync(out, 4_000_000, 4_000_000);
  for (const dir of [path.join(root, 'src'), path.join(root, 'src', 'cli'), path.join(root, 'src', 'tmp')]) utimesSync(dir, 3_500_000, 3_500_000);
  utimesSync(path.join(root, 'src', 'cli', 'main.ts'), 3_500_000, 3_500_000);
  utimesSync(path.join(root, 'src', 'tmp', 'scratch.ts'), 3_500_000, 3_500_000);
  utimesSync(path.join(root, 'src', 'cli', 'unused.ts'), 3_500_000, 3_500_000);
  assert.equal(isCurrent('cli', root), true);
  rmSync(path.join(root, 'src', 'cli', 'unused.ts'));
  assert.equal(isCurrent('cli', root), false);
  assert.equal(existsSync(`${out}.${process.pid}.partial`), false, 'no partial file is left behind');
});

test('a build that fails leaves no build, and the CLI can still run from its sources', async () => {
  const root = project(1_000_000);
  writeFileSync(path.join(root, 'src', 'cli', 'main.ts'), 'export const main = (;\n');
  assert.equal(await currentBuild('cli', root), null);
  assert.equal(existsSync(path.join(root, 'dist', 'entente.mjs')), false);
});

test('the CLI runs from its current build, or from the sources when asked', () => {
  const fromBuild = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
  assert.equal(fromBuild.status, 0, fromBuild.stderr);
  assert.match(fromBuild.stdout, /^entente \d+\.\d+\.\d+ \(build dist\/entente\.mjs\)/);
  assert.equal(isCurrent('cli'), true);
  const fromSources = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', env: { ...process.env, ENTENTE_FROM_SOURCES: '1' } });
  assert.equal(fromSources.status, 0, fromSources.stderr);
  assert.match(fromSources.stdout, /from the TypeScript sources/);
});
