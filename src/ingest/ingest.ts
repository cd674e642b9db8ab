import { statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { EntenteError } from '../core/types.ts';
import { readStatementFile, SUPPORTED_EXTENSIONS } from './read-file.ts';
import { analyzeText } from '../analyze/pipeline.ts';
import type { AnalysisContext } from '../analyze/stage.ts';
import { BatchLostError, DocumentWriter } from '../store/writer.ts';
import type { Db } from '../store/database.ts';

export interface IngestOutcome {
  file: string;
  status: 'added' | 'unchanged' | 'failed';
  id?: string;
  provisions?: number;
  language?: string;
  error?: string;
}

export interface IngestSummary {
  added: number;
  unchanged: number;
  failed: number;
  provisions: number;
  languages: Record<string, number>;
  outcomes: IngestOutcome[];
}

/**
 * Expands files, folders (recursively) and glob patterns into the statement files they name.
 * A path that does not exist is kept, so that reading it reports the error.
 */
export function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  const exts = SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',');
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      files.push(
        ...globSync(`**/*.{${exts}}`, { cwd: input, absolute: false, caseSensitiveMatch: false })
          .sort()
          .map((f) => path.join(input, f)),
      );
    } else if (!existsSync(input) && isDynamicPattern(input)) {
      const hits = globSync(input, { absolute: false }).sort();
      if (!hits.length) files.push(input);
      files.push(...hits);
    } else files.push(input);
  }
  return [...new Set(files)];
}

/**
 * Reads, analyses and stores each file; each document is stored whole or not at all (see
 * DocumentWriter). A file that fails is reported and skipped: the run goes on with the rest.
 */
export async function ingestFiles(
  db: Db,
  files: string[],
  context: AnalysisContext,
  onProgress?: (done: number, outcome: IngestOutcome) => void,
): Promise<IngestSummary> {
  const summary: IngestSummary = { added: 0, unchanged: 0, failed: 0, provisions: 0, languages: {}, outcomes: [] };
  let done = 0;
  const writer = new DocumentWriter(db);
  // Documents of a batch that could not be committed were counted as added: they become failures.
  const unstore = (err: BatchLostError) => {
    const lost = new Set(err.lost);
    for (const o of summary.outcomes) {
      if (o.status !== 'added' || !lost.has(o.id!)) continue;
      summary.added--;
      summary.failed++;
      summary.provisions -= o.provisions ?? 0;
      if (o.language && !--summary.languages[o.language]) delete summary.languages[o.language];
      Object.assign(o, { status: 'failed', error: `${o.file}: ${err.describe()}` });
    }
  };
  try {
    for (const file of files) {
      let outcome: IngestOutcome;
      try {
        const read = await readStatementFile(file);
        const doc = analyzeText(read.text, read.source, context);
        const saved = writer.save(doc);
        outcome = { file, status: saved.status, id: saved.id, provisions: doc.provisions.length, language: doc.language };
        if (saved.status === 'added') {
          summary.provisions += doc.provisions.length;
          summary.languages[doc.language] = (summary.languages[doc.language] ?? 0) + 1;
        }
      } catch (err) {
        if (err instanceof BatchLostError) unstore(err);
        const message = err instanceof EntenteError ? err.describe() : `${file}: ${(err as Error).message}`;
        outcome = { file, status: 'failed', error: err instanceof BatchLostError ? `${file}: ${message}` : message };
      }
      summary[outcome.status]++;
      summary.outcomes.push(outcome);
      onProgress?.(++done, outcome);
    }
  } finally {
    try {
      writer.close();
    } catch (err) {
      if (!(err instanceof BatchLostError)) throw err;
      unstore(err);
    }
  }
  return summary;
}
