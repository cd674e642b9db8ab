import type { Token } from '../../core/tokenize.ts';
import type { ActLexicon, Cue, PatternToken } from './lexicon.ts';

export interface CueMatch {
  cue: Cue;
  /** Token indexes [first, last] of the match. */
  first: number;
  last: number;
}

const MAX_GAP = 3;
const SUFFIX_MIN = 6;

/** The word of a token as cue patterns see it: folded, elision apostrophe dropped. */
export const wordOf = (t: Token) => t.norm.replace(/['’]/g, '');

function testWord(p: PatternToken, word: string, lowerCase: boolean, lex: ActLexicon): boolean {
  const hits = (a: PatternToken['alternatives'][number]): boolean => {
    if ('exact' in a) return word === a.exact;
    if ('prefix' in a) return word.startsWith(a.prefix);
    // Endings are verb morphology: never tested on capitalised words (names such as "Narendra").
    if ('suffix' in a) return lowerCase && word.length >= SUFFIX_MIN && word.endsWith(a.suffix);
    return lex.classes.get(a.cls)!.has(word);
  };
  const positive = p.alternatives.filter((a) => !a.negated);
  if (positive.length && !positive.some(hits)) return false;
  return !p.alternatives.some((a) => a.negated && hits(a));
}

/** Matches pattern[k..] from token i; returns the index of the last token matched, or -1. */
function matchFrom(pattern: PatternToken[], k: number, words: string[], lower: boolean[], i: number, lex: ActLexicon): number {
  if (k === pattern.length) return i - 1;
  const p = pattern[k];
  if (p.kind === 'gap') {
    for (let skip = 0; skip <= MAX_GAP && i + skip <= words.length; skip++) {
      const end = matchFrom(pattern, k + 1, words, lower, i + skip, lex);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (i < words.length && testWord(p, words[i], lower[i], lex)) {
    const end = matchFrom(pattern, k + 1, words, lower, i + 1, lex);
    if (end >= 0) return end;
  }
  return p.optional ? matchFrom(pattern, k + 1, words, lower, i, lex) : -1;
}

/** Every cue of the lexicon that matches in the token list (a cue may match at several places). */
export function matchCues(tokens: Token[], lex: ActLexicon): CueMatch[] {
  const words = tokens.map(wordOf);
  const lower = tokens.map((t) => !/^\p{Lu}/u.test(t.raw));
  const matches: CueMatch[] = [];
  const generic = lex.byFirst.get('') ?? [];
  for (let i = 0; i < words.length; i++) {
    const candidates = [...(lex.byFirst.get(words[i].slice(0, 2)) ?? []), ...generic];
    for (const cue of candidates) {
      const last = matchFrom(cue.pattern, 0, words, lower, i, lex);
      if (last >= i) matches.push({ cue, first: i, last });
    }
  }
  return matches;
}
