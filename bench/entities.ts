/**
 * Entity matching cost against gazetteer size. findMentions runs over a fixed text (copies of
 * the corpus, paragraph by paragraph, as the entity stage does) with the real gazetteer, and
 * with a copy of it grown to 10× its aliases with synthetic pseudo-word names. With a token
 * trie the cost follows the text length; a loop over aliases would make it 10× dearer.
 * The four measurements (1×/10× on the whole and the half text) are interleaved round by round,
 * so machine noise and heap growth hit them all alike; each figure is the fastest of its rounds
 * (the least disturbed by other load on the machine), with the median alongside.
 */
import { Gazetteer, loadGazetteer } from '../src/analyze/entities/gazetteer.ts';
import { findMentions, newMemory } from '../src/analyze/entities/match.ts';
import type { BaseText } from './corpus.ts';
import { median, round, seededRandom, timeOnce, toMB } from './util.ts';

interface Range {
  from: number;
  to: number;
}

/** One copy of a base text inside the fixed text: its language and paragraph ranges. */
interface Copy {
  language: string;
  paragraphs: Range[];
}

interface FixedText {
  text: string;
  copies: Copy[];
}

export interface MatchTiming {
  gazetteer: string;
  aliases: Record<string, number>;
  mb: number;
  /** Fastest of the timed runs, and their median. */
  ms: number;
  medianMs: number;
  msPerMB: number;
  mentions: number;
}

export interface EntityResult {
  runs: number;
  textMB: number;
  halfTextMB: number;
  growSeconds: number;
  syntheticAliases: Record<string, number>;
  skippedSynthetic: number;
  timings: MatchTiming[];
  /** ms/MB with the 10× gazetteer over ms/MB with the real one (≈ 1 for an index). */
  gazetteerRatio: number;
  /** Length of the whole text over the half text (≈ 2). */
  textRatio: number;
  /** Time on the whole text over time on the half text (≈ textRatio for linear cost). */
  lengthRatio1x: number;
  lengthRatio10x: number;
}

/** Concatenates copies of the corpus texts until `minBytes`, recording each paragraph's range. */
function buildFixedText(bases: BaseText[], minBytes: number): FixedText {
  const parts: string[] = [];
  const copies: Copy[] = [];
  let offset = 0;
  let bytes = 0;
  for (let n = 0; bytes < minBytes; n++) {
    const base = bases[n % bases.length];
    const paragraphs: Range[] = [];
    for (const m of base.text.matchAll(/[^\n]+/g)) if (m[0].trim()) paragraphs.push({ from: offset + m.index!, to: offset + m.index! + m[0].length });
    copies.push({ language: base.language, paragraphs });
    parts.push(base.text, '\n\n');
    offset += base.text.length + 2;
    bytes += base.bytes + 2;
  }
  return { text: parts.join(''), copies };
}

const bytesOf = (fixed: FixedText, copies: Copy[]): number =>
  copies.reduce((sum, c) => sum + c.paragraphs.reduce((s, p) => s + Buffer.byteLength(fixed.text.slice(p.from, p.to)) + 1, 0), 0);

/** Matches every paragraph of the given copies; each copy is one document with its own memory. */
function matchAll(fixed: FixedText, copies: Copy[], gazetteers: Map<string, Gazetteer>): number {
  let mentions = 0;
  for (const copy of copies) {
    const g = gazetteers.get(copy.language)!;
    const memory = newMemory();
    copy.paragraphs.forEach((p, i) => {
      memory.position = i;
      mentions += findMentions(fixed.text, p.from, p.to, g, memory).length;
    });
  }
  return mentions;
}

/** An independent copy of a gazetteer (same entities and aliases), so the cached one stays as loaded. */
function cloneGazetteer(g: Gazetteer): Gazetteer {
  const copy = new Gazetteer(g.language);
  for (const entry of g.entities.values()) copy.addEntity({ ...entry, names: { ...entry.names } }, 'bench:clone');
  const walk = (node: Gazetteer['root']): void => {
    for (const a of node.aliases) copy.addAlias({ where: a.rule, line: 0, cells: { id: a.id, alias: a.alias, kind: a.kind } });
    for (const child of node.next.values()) walk(child);
  };
  walk(g.root);
  return copy;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 've', 'ta', 'zu', 'ni', 'pe', 'so', 'qua', 'dri', 'bel', 'ox', 'yon', 'fes', 'gar', 'tul', 'wim', 'sha'];

/** A capitalised pseudo-word of 3–5 syllables (long enough never to be a real word of the corpus). */
function pseudoWord(random: () => number): string {
  const count = 3 + Math.floor(random() * 3);
  let word = '';
  for (let i = 0; i < count; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return word[0].toUpperCase() + word.slice(1);
}

/**
 * Grows a gazetteer to `factor` × its alias count with synthetic organisations, 5 aliases each.
 * A quarter of the aliases start with a real alias's first word ("Russie Kalomiru"), so that
 * matching walks deeper into the trie on real text, not only misses at the root.
 */
function growGazetteer(g: Gazetteer, factor: number, seed: number): { added: number; skipped: number } {
  const random = seededRandom(seed);
  const realFirstWords = [...g.root.next.keys()];
  const target = g.aliasCount * factor;
  const used = new Set<string>();
  let added = 0;
  let skipped = 0;
  for (let k = 0; g.aliasCount < target; k++) {
    const id = `bench_synthetic_${g.language}_${k}`;
    g.addEntity({ id, type: 'org', state: null, names: {} }, `bench:synthetic:${k}`);
    for (let a = 0; a < 5 && g.aliasCount < target; a++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pseudoWord(random));
      if (random() < 0.25) {
        const first = realFirstWords[Math.floor(random() * realFirstWords.length)];
        words.unshift(first[0].toUpperCase() + first.slice(1));
      }
      const alias = words.join(' ');
      if (used.has(alias.toLowerCase())) continue;
      used.add(alias.toLowerCase());
      const line = 5 * k + a;
      try {
        g.addAlias({ where: `bench:synthetic:${line}`, line, cells: { id, alias, kind: 'name' } });
        added++;
      } catch {
        skipped++; // the alias already names a real entry: leave it out
      }
    }
  }
  return { added, skipped };
}

const aliasCounts = (gazetteers: Map<string, Gazetteer>): Record<string, number> =>
  Object.fromEntries([...gazetteers].map(([lang, g]) => [lang, g.aliasCount]));

export function runEntityBench(bases: BaseText[], minBytes: number, runs = 11): EntityResult {
  const fixed = buildFixedText(bases, minBytes);
  const half = fixed.copies.slice(0, Math.ceil(fixed.copies.length / 2));
  const fullMB = toMB(bytesOf(fixed, fixed.copies));
  const halfMB = toMB(bytesOf(fixed, half));
  // The gazetteers the entity stage picks for these texts, and grown copies of them.
  const real = new Map([...new Set(fixed.copies.map((c) => c.language))].map((lang) => [lang, loadGazetteer(lang)]));
  const t0 = performance.now();
  let skipped = 0;
  const grown = new Map(
    [...real].map(([lang, g], i) => {
      const copy = cloneGazetteer(g);
      skipped += growGazetteer(copy, 10, 0xe17e17e + i).skipped;
      return [lang, copy];
    }),
  );
  const growSeconds = (performance.now() - t0) / 1000;

  const cases = [
    { gazetteer: '1×', gazetteers: real, copies: fixed.copies, mb: fullMB },
    { gazetteer: '1×', gazetteers: real, copies: half, mb: halfMB },
    { gazetteer: '10×', gazetteers: grown, copies: fixed.copies, mb: fullMB },
    { gazetteer: '10×', gazetteers: grown, copies: half, mb: halfMB },
  ];
  const mentions = cases.map((c) => matchAll(fixed, c.copies, c.gazetteers)); // warm-up, and the counts
  const times: number[][] = cases.map(() => []);
  for (let r = 0; r < runs; r++) cases.forEach((c, i) => times[i].push(timeOnce(() => matchAll(fixed, c.copies, c.gazetteers))));
  const timings: MatchTiming[] = cases.map((c, i) => {
    const ms = Math.min(...times[i]);
    return {
      gazetteer: c.gazetteer,
      aliases: aliasCounts(c.gazetteers),
      mb: round(c.mb),
      ms: round(ms, 1),
      medianMs: round(median(times[i]), 1),
      msPerMB: round(ms / c.mb, 1),
      mentions: mentions[i],
    };
  });

  const [full1, half1, full10, half10] = timings;
  const before = aliasCounts(real);
  const after = aliasCounts(grown);
  return {
    runs,
    textMB: round(fullMB),
    halfTextMB: round(halfMB),
    growSeconds: round(growSeconds),
    syntheticAliases: Object.fromEntries(Object.keys(after).map((lang) => [lang, after[lang] - before[lang]])),
    skippedSynthetic: skipped,
    timings,
    gazetteerRatio: round(full10.msPerMB / full1.msPerMB),
    textRatio: round(fullMB / halfMB),
    lengthRatio1x: round(full1.ms / half1.ms),
    lengthRatio10x: round(full10.ms / half10.ms),
  };
}
