import { normalizeForAlignment } from '../core/normalize.ts';

/** The fields of a record or gold file that the scorer reads (gold-format.md). */
export interface ScoredRecord {
  file?: string;
  language: string;
  doc_type: string;
  parties: string[];
  date: string | null;
  title?: string | null;
  provisions: { text: string; acts?: string[]; holders?: string[]; entities?: string[]; topics?: string[] }[];
}

export const LABEL_FIELDS = ['acts', 'entities', 'topics'] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];
export const DOC_FIELDS = ['language', 'doc_type', 'date', 'parties', 'title'] as const;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Raw counts for one or many documents; `summarize` turns them into scores. */
export interface Tally {
  documents: number;
  segmentation: Counts;
  fields: Record<LabelField, { micro: Counts; perLabel: Record<string, Counts> }>;
  holders: { exact: number; total: number };
  docFields: Record<(typeof DOC_FIELDS)[number], { correct: number; total: number }>;
}

export function emptyTally(): Tally {
  const field = () => ({ micro: { tp: 0, fp: 0, fn: 0 }, perLabel: {} as Record<string, Counts> });
  const acc = () => ({ correct: 0, total: 0 });
  return {
    documents: 0,
    segmentation: { tp: 0, fp: 0, fn: 0 },
    fields: { acts: field(), entities: field(), topics: field() },
    holders: { exact: 0, total: 0 },
    docFields: { language: acc(), doc_type: acc(), date: acc(), parties: acc(), title: acc() },
  };
}

/**
 * Aligns record provisions to gold provisions: equal normalised text, each used at most once,
 * in order (a longest common subsequence, so one misplaced provision does not derail the rest).
 */
export function alignProvisions(gold: string[], record: string[]): [number, number][] {
  const g = gold.map(normalizeForAlignment);
  const r = record.map(normalizeForAlignment);
  const n = g.length;
  const m = r.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = g[i] === r[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (g[i] === r[j]) pairs.push([i++, j++]);
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

const sameSet = (a: string[] = [], b: string[] = []) => a.length === b.length && new Set([...a, ...b]).size === new Set(a).size;

function addLabels(counts: Counts, perLabel: Record<string, Counts>, gold: string[], record: string[]): void {
  const g = new Set(gold);
  const r = new Set(record);
  const bump = (label: string, key: keyof Counts) => {
    counts[key]++;
    (perLabel[label] ??= { tp: 0, fp: 0, fn: 0 })[key]++;
  };
  for (const l of r) bump(l, g.has(l) ? 'tp' : 'fp');
  for (const l of g) if (!r.has(l)) bump(l, 'fn');
}

/** Adds the comparison of one record with its gold file to a tally. */
export function scoreDocument(gold: ScoredRecord, record: ScoredRecord, tally: Tally = emptyTally()): Tally {
  tally.documents++;
  const pairs = alignProvisions(
    gold.provisions.map((p) => p.text),
    record.provisions.map((p) => p.text),
  );
  const goldMatch = new Map(pairs.map(([gi, ri]) => [gi, ri]));
  const recordMatched = new Set(pairs.map(([, ri]) => ri));
  tally.segmentation.tp += pairs.length;
  tally.segmentation.fp += record.provisions.length - pairs.length;
  tally.segmentation.fn += gold.provisions.length - pairs.length;
  for (const field of LABEL_FIELDS) {
    const { micro, perLabel } = tally.fields[field];
    gold.provisions.forEach((gp, gi) => {
      const ri = goldMatch.get(gi);
      addLabels(micro, perLabel, gp[field] ?? [], ri === undefined ? [] : (record.provisions[ri][field] ?? []));
    });
    record.provisions.forEach((rp, ri) => {
      if (!recordMatched.has(ri)) addLabels(micro, perLabel, [], rp[field] ?? []);
    });
  }
  gold.provisions.forEach((gp, gi) => {
    tally.holders.total++;
    const ri = goldMatch.get(gi);
    if (ri !== undefined && sameSet(gp.holders, record.provisions[ri].holders)) tally.holders.exact++;
  });
  const f = tally.docFields;
  const bump = (key: keyof Tally['docFields'], ok: boolean) => {
    f[key].total++;
    if (ok) f[key].correct++;
  };
  bump('language', gold.language === record.language);
  bump('doc_type', gold.doc_type === record.doc_type);
  bump('date', (gold.date ?? null) === (record.date ?? null));
  bump('parties', sameSet(gold.parties, record.parties));
  bump('title', normalizeForAlignment(gold.title ?? '') === normalizeForAlignment(record.title ?? ''));
  return tally;
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : c.fn ? 0 : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : c.fp ? 0 : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface Scores {
  documents: number;
  segmentation: Prf;
  fields: Record<LabelField, { micro: Prf; macroF1: number; perLabel: Record<string, Prf & { support: number }> }>;
  holders: { exact: number; matched: number; total: number };
  docFields: Record<string, { accuracy: number; correct: number; total: number }>;
}

export function summarize(t: Tally): Scores {
  const fields = {} as Scores['fields'];
  for (const field of LABEL_FIELDS) {
    const perLabel: Record<string, Prf & { support: number }> = {};
    for (const [label, c] of Object.entries(t.fields[field].perLabel).sort()) perLabel[label] = { ...prf(c), support: c.tp + c.fn };
    const f1s = Object.values(perLabel).map((p) => p.f1);
    fields[field] = { micro: prf(t.fields[field].micro), macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 1, perLabel };
  }
  const docFields: Scores['docFields'] = {};
  for (const [k, v] of Object.entries(t.docFields)) docFields[k] = { accuracy: v.total ? v.correct / v.total : 1, ...v };
  return {
    documents: t.documents,
    segmentation: prf(t.segmentation),
    fields,
    holders: { exact: t.holders.total ? t.holders.exact / t.holders.total : 1, matched: t.holders.exact, total: t.holders.total },
    docFields,
  };
}
