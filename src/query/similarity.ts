import path from 'node:path';
import { tokenize } from '../core/tokenize.ts';
import { hasLanguageData, languageDir } from '../lang/language-data.ts';
import { readList } from '../lang/tsv.ts';
import { stemmerFor } from '../lang/stem.ts';
import { foldAccents } from '../core/normalize.ts';

const stopCache = new Map<string, Set<string>>();

/** The language's function words (`stopwords.txt`), accent-folded; none for a language without data. */
export function stopwords(language: string): Set<string> {
  let set = stopCache.get(language);
  if (!set) {
    set = new Set(hasLanguageData(language) ? readList(path.join(languageDir(language), 'stopwords.txt')).map((w) => foldAccents(w)) : []);
    stopCache.set(language, set);
  }
  return set;
}

/** The tokens of a text with their stem, or null for a stopword or a one-letter token. */
export function stemmedTokens(text: string, language: string, from = 0, to = text.length): { start: number; end: number; norm: string; stem: string | null }[] {
  const stem = stemmerFor(language);
  const stop = stopwords(language);
  return tokenize(text, from, to).map((t) => ({ start: t.start, end: t.end, norm: t.norm, stem: !stop.has(t.norm) && t.norm.length > 1 ? stem(t.raw) : null }));
}

/** The content stems of a text: what two wordings of one provision share. */
export function contentStems(text: string, language: string): Set<string> {
  const stem = stemmerFor(language);
  const stop = stopwords(language);
  const out = new Set<string>();
  for (const t of tokenize(text)) if (!stop.has(t.norm) && t.norm.length > 1) out.add(stem(t.raw));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export type DiffOp = { op: 'equal' | 'delete' | 'insert'; text: string };

/**
 * Word-level differences between two wordings (longest common subsequence over words and
 * punctuation), merged into runs.
 */
export function wordDiff(a: string, b: string): DiffOp[] {
  const split = (s: string) => s.match(/\s+|[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu) ?? [];
  const x = split(a);
  const y = split(b);
  const n = x.length;
  const m = y.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) (push('equal', x[i]), i++, j++);
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('delete', x[i++]);
    else push('insert', y[j++]);
  }
  while (i < n) push('delete', x[i++]);
  while (j < m) push('insert', y[j++]);
  return ops;
}
