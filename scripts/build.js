// Builds Entente's CLI (and its benchmark) into one ES module each under dist/, with esbuild.
// The build is the same code as the TypeScript sources, run without a TypeScript loader: faster to
// start, about 5 % faster on a long ingest, and some 30 MB smaller in memory (no loader thread).
// Plain JavaScript, because it runs before anything can load TypeScript.
//
//   node scripts/build.js           builds the CLI and the benchmark
//   node scripts/build.js cli       builds one of them
//
// bin/entente.js runs the build only while it is current: newer than every file of its sources.
// Otherwise it builds it again first, or, if it cannot (no esbuild, a read-only folder), runs the
// sources through tsx. A stale build is never run.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What is built: the entry module, the output, and the folders whose files it is built from. */
export const BUILDS = {
  cli: { entry: 'src/cli/main.ts', out: 'dist/entente.mjs', sources: ['src'] },
  bench: { entry: 'bench/run.ts', out: 'dist/bench.mjs', sources: ['src', 'bench'] },
};

/** Folders under the sources that no build reads (scratch scripts and benchmark results). */
const NOT_SOURCES = new Set(['tmp', 'out']);

/**
 * The newest modification time (ms) of a TypeScript file, or of a folder (a file removed or
 * renamed changes its folder's), under the given folders.
 */
export function newestSource(root, folders) {
  let newest = 0;
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!NOT_SOURCES.has(entry.name)) walk(path.join(dir, entry.name));
      } else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(dir, entry.name)).mtimeMs);
    }
  };
  for (const folder of folders) if (existsSync(path.join(root, folder))) walk(path.join(root, folder));
  return newest;
}

/** Whether a build exists and is newer than every file it is built from. */
export function isCurrent(name, root = ROOT) {
  const { out, sources } = BUILDS[name];
  const file = path.join(root, out);
  return existsSync(file) && statSync(file).mtimeMs >= newestSource(root, sources);
}

/**
 * Builds one output. The module is written beside its final name and renamed into place, so a
 * process starting meanwhile sees the old build or the new one, never half of one.
 */
export async function build(name, root = ROOT, { quiet = false } = {}) {
  const { entry, out } = BUILDS[name];
  const { build: esbuild } = await import('esbuild');
  const file = path.join(root, out);
  const partial = `${file}.${process.pid}.partial`;
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    await esbuild({
      entryPoints: [path.join(root, entry)],
      outfile: partial,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Dependencies are loaded from node_modules as they are, not copied into the build.
      packages: 'external',
      logLevel: quiet ? 'silent' : 'error',
      legalComments: 'none',
    });
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return file;
}

/** The path of a current build, built now if it is missing or stale; null if it cannot be built here. */
export async function currentBuild(name, root = ROOT) {
  if (isCurrent(name, root)) return path.join(root, BUILDS[name].out);
  try {
    // Quiet: if the sources do not compile, running them through tsx reports the error.
    return await build(name, root, { quiet: true });
  } catch {
    return null;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  for (const name of names.length ? names : Object.keys(BUILDS)) {
    if (!(name in BUILDS)) {
      console.error(`build: unknown output "${name}"; use one of ${Object.keys(BUILDS).join(', ')}`);
      process.exit(2);
    }
    await build(name);
  }
}
