import { normalizeForAlignment } from '../core/normalize.ts';
import { contentStems, jaccard, wordDiff, type DiffOp } from './similarity.ts';

/** What compare needs of a provision. */
export interface ComparableProvision {
  index: number;
  text: string;
  acts: string[];
  entities: string[];
  topics: string[];
}

export interface ComparableDoc {
  id: string;
  name: string;
  language: string;
  date: string | null;
  provisions: ComparableProvision[];
}

export interface AlignedPair {
  a: number;
  b: number;
  similarity: number;
  /** Kept in place relative to the other aligned provisions, or moved. */
  moved: boolean;
}

export interface Comparison {
  a: { id: string; name: string; date: string | null; language: string; provisions: number };
  b: { id: string; name: string; date: string | null; language: string; provisions: number };
  crossLanguage: boolean;
  kept: AlignedPair[];
  reworded: (AlignedPair & { diff: DiffOp[] })[];
  added: number[];
  dropped: number[];
  /** Per label: provisions coded with it in A and in B. */
  codeChanges: Record<'acts' | 'entities' | 'topics', { label: string; a: number; b: number }[]>;
}

/** Minimum similarity for two provisions to be one provision reworded. */
export const REWORD_THRESHOLD = { sameLanguage: 0.45, crossLanguage: 0.5 };

/** Language-neutral features of a provision: its codes and its numbers. */
function features(p: ComparableProvision): Set<string> {
  const f = new Set<string>([...p.acts.map((x) => `act:${x}`), ...p.entities.map((x) => `ent:${x}`), ...p.topics.map((x) => `top:${x}`)]);
  for (const n of p.text.match(/\d+/g) ?? []) f.add(`num:${n}`);
  return f;
}

/**
 * Aligns the provisions of two documents and reports what was kept (identical wording),
 * reworded (similar wording, with a word-level diff), added, dropped and moved, plus the change
 * in codes. Documents in different languages are aligned on their codes and numbers.
 */
export function compareDocuments(a: ComparableDoc, b: ComparableDoc): Comparison {
  const crossLanguage = a.language !== b.language;
  const normA = a.provisions.map((p) => normalizeForAlignment(p.text));
  const normB = b.provisions.map((p) => normalizeForAlignment(p.text));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: { a: number; b: number; similarity: number }[] = [];
  // 1. Identical wording, matched in order.
  const byText = new Map<string, number[]>();
  normB.forEach((t, j) => (byText.get(t) ?? byText.set(t, []).get(t)!).push(j));
  normA.forEach((t, i) => {
    const js = byText.get(t);
    const j = js?.find((x) => !usedB.has(x));
    if (j === undefined) return;
    usedA.add(i);
    usedB.add(j);
    pairs.push({ a: i, b: j, similarity: 1 });
  });
  // 2. The most similar remaining pairs, best first, each provision used once.
  const repA = a.provisions.map((p) => (crossLanguage ? features(p) : contentStems(p.text, a.language)));
  const repB = b.provisions.map((p) => (crossLanguage ? features(p) : contentStems(p.text, b.language)));
  const threshold = crossLanguage ? REWORD_THRESHOLD.crossLanguage : REWORD_THRESHOLD.sameLanguage;
  // Candidates share at least one stem or feature: an inverted index keeps this from being all pairs.
  const index = new Map<string, number[]>();
  repB.forEach((set, j) => {
    if (usedB.has(j)) return;
    for (const k of set) (index.get(k) ?? index.set(k, []).get(k)!).push(j);
  });
  const candidates: { a: number; b: number; similarity: number }[] = [];
  repA.forEach((set, i) => {
    if (usedA.has(i)) return;
    const seen = new Set<number>();
    for (const k of set) for (const j of index.get(k) ?? []) seen.add(j);
    for (const j of seen) {
      const similarity = jaccard(set, repB[j]);
      if (similarity >= threshold) candidates.push({ a: i, b: j, similarity });
    }
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    pairs.push(c);
  }
  // 3. Moved: aligned pairs outside the longest run that keeps its order.
  pairs.sort((x, y) => x.a - y.a);
  const inOrder = longestIncreasing(pairs.map((p) => p.b));
  const aligned = pairs.map((p, k) => ({ ...p, moved: !inOrder.has(k) }));
  const kept = aligned.filter((p) => normA[p.a] === normB[p.b]);
  const reworded = aligned
    .filter((p) => normA[p.a] !== normB[p.b])
    .map((p) => ({ ...p, diff: crossLanguage ? [] : wordDiff(a.provisions[p.a].text, b.provisions[p.b].text) }));
  return {
    a: { id: a.id, name: a.name, date: a.date, language: a.language, provisions: a.provisions.length },
    b: { id: b.id, name: b.name, date: b.date, language: b.language, provisions: b.provisions.length },
    crossLanguage,
    kept,
    reworded,
    added: b.provisions.map((_, j) => j).filter((j) => !usedB.has(j)),
    dropped: a.provisions.map((_, i) => i).filter((i) => !usedA.has(i)),
    codeChanges: {
      acts: codeDelta(a, b, 'acts'),
      entities: codeDelta(a, b, 'entities'),
      topics: codeDelta(a, b, 'topics'),
    },
  };
}

function codeDelta(a: ComparableDoc, b: ComparableDoc, field: 'acts' | 'entities' | 'topics'): { label: string; a: number; b: number }[] {
  const count = (d: ComparableDoc) => {
    const m = new Map<string, number>();
    for (const p of d.provisions) for (const l of new Set(p[field])) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  return [...new Set([...ca.keys(), ...cb.keys()])]
    .map((label) => ({ label, a: ca.get(label) ?? 0, b: cb.get(label) ?? 0 }))
    .filter((d) => d.a !== d.b)
    .sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a) || x.label.localeCompare(y.label));
}

/** Indexes of one longest strictly increasing subsequence (patience sorting). */
export function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const out = new Set<number>();
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = prev[k]) out.add(k);
  return out;
}
