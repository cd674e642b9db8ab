import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { EntenteError } from '../core/types.ts';
import { projectPath } from '../core/paths.ts';

/** The project's `data/` folder, wherever the package is installed (ENTENTE_DATA_DIR overrides it, for tests). */
export const DATA_DIR = process.env.ENTENTE_DATA_DIR ? path.resolve(process.env.ENTENTE_DATA_DIR) : projectPath('data');

export interface TsvRow {
  /** `file:line`, used as rule id and in error messages. */
  where: string;
  line: number;
  cells: Record<string, string>;
}

/**
 * Reads a TSV file with a header line. Blank lines and `#` comments are skipped.
 * Throws an EntenteError naming file and line when a row has the wrong number of columns
 * or a required column is missing.
 */
export function readTsv(file: string, required: string[], label = relativeName(file)): TsvRow[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  let header: string[] | null = null;
  const rows: TsvRow[] = [];
  lines.forEach((lineText, i) => {
    const line = i + 1;
    if (!lineText.trim() || lineText.startsWith('#')) return;
    const cells = lineText.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim());
      for (const col of required)
        if (!header.includes(col))
          throw new EntenteError(`missing column "${col}" in the header`, `${label}:${line}`, `the header must name the columns ${required.join(', ')}`);
      return;
    }
    if (cells.length > header.length)
      throw new EntenteError(`${cells.length} columns where the header has ${header.length}`, `${label}:${line}`, 'separate columns with exactly one TAB');
    const record: Record<string, string> = {};
    header.forEach((col, j) => (record[col] = (cells[j] ?? '').trim()));
    for (const col of required) if (!record[col]) throw new EntenteError(`empty "${col}"`, `${label}:${line}`, `fill the "${col}" column`);
    rows.push({ where: `${label}:${line}`, line, cells: record });
  });
  return rows;
}

/** Reads a one-entry-per-line list (comments and blanks skipped). */
export function readList(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

export function relativeName(file: string): string {
  const rel = path.relative(DATA_DIR, file);
  return rel.startsWith('..') ? file : `data/${rel}`;
}
