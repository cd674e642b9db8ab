import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../src/analyze/pipeline.ts';
import { normalizeText } from '../src/core/normalize.ts';
import type { Doc } from '../src/core/types.ts';

/** Analyses a text as if read from a plain-text file. */
export function analyze(text: string, path = 'sample.txt'): Doc {
  return analyzeText(normalizeText(text), { path, format: 'text', encoding: 'utf-8', hints: {} });
}

export const provisionTexts = (doc: Doc) => doc.provisions.map((p) => p.text);

/** Labels of one kind on provision i. */
export function labels(doc: Doc, i: number, kind: 'act' | 'holder' | 'entity' | 'topic'): string[] {
  return [...new Set(doc.annotations.filter((a) => a.provision === i && a.kind === kind).map((a) => a.label))].sort();
}

export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
export const hasShared = existsSync(SHARED + 'gold');
