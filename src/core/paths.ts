import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder: the nearest folder above this module that holds package.json. It is
 * found rather than written as "../../" because the same code runs from its sources (src/core/) and
 * from the build, one module in dist/.
 */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}: Entente's files are not where it was installed`);
  }
}

/** A path inside the project: `projectPath('data')`. */
export const projectPath = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
