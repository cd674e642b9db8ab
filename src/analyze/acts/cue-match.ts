import { formMemo, type Token, type WordForm } from '../../core/tokenize.ts';
import type { ActLexicon, Cue, PatternToken } from './lexicon.ts';

type WordTest = PatternToken['alternatives'][number];

export interface CueMatch {
  cue: Cue;
  /** Token indexes [first, last] of the match. */
  first: number;
  last: number;
}

const MAX_GAP = 3;
const SUFFIX_MIN = 6;

/** The word of a token as cue patterns see it: folded, elision apostrophe dropped. */
export const wordOf = (t: Token) => t.form.plain;

/** A word starts with a capital letter (a cheap test: its first character changes when lower-cased). */
const capitalised = (raw: string) => {
  const first = raw[0];
  return first !== first.toLowerCase();
};

/**
 * The words of a token list. The acts stage reads the words of one provision at a time, several
 * times over: the last list's words are kept (a weak map per provision would cost every garbage
 * collection an entry per provision).
 */
let lastTokens: Token[] | null = null;
let lastWords: string[] = [];

export function wordsOfTokens(tokens: Token[]): string[] {
  if (tokens !== lastTokens) {
    lastWords = tokens.map(wordOf);
    lastTokens = tokens;
  }
  return lastWords;
}

/** What a lexicon's matcher derives from a word form, remembered per form (see formMemo). */
interface FormMemos {
  /** The cues that may start at the word. */
  candidates: (form: WordForm) => Cue[];
  /** The ids of the cues whose key token the word passes. */
  keyed: (form: WordForm) => number[];
}

/** Per lexicon, made once: each memo keeps a table for good. */
const formMemos = new WeakMap<ActLexicon, FormMemos>();
const NO_CUES: Cue[] = [];
const NO_IDS: number[] = [];

function formMemosOf(lex: ActLexicon): FormMemos {
  let memos = formMemos.get(lex);
  if (!memos)
    formMemos.set(
      lex,
      (memos = {
        candidates: formMemo((form) => candidatesAt(form.plain, !capitalised(form.raw), lex)),
        keyed: formMemo((form) => keyedCues(form, lex)),
      }),
    );
  return memos;
}

function keyedCues(form: WordForm, lex: ActLexicon): number[] {
  const lowerCase = !capitalised(form.raw);
  const ids = lex.cues.filter((cue) => cue.key && testWord(cue.key, form.plain, lowerCase)).map((cue) => cue.id);
  return ids.length ? ids : NO_IDS;
}

/** Per cue id, the provision in which a word last passed the cue's key token (reused from one provision to the next). */
let keySeen = new Int32Array(1024);
let provisionStamp = 0;

/**
 * The cues that may start at a word: those indexed by the word, its first two letters, its last
 * two, or none, less those whose (required) first token rejects the word.
 */
function candidatesAt(word: string, lowerCase: boolean, lex: ActLexicon): Cue[] {
  const all = [lex.byWord.get(word), lex.byPrefix.get(word.slice(0, 2)), lex.bySuffix.get(word.slice(-2)), lex.generic].flatMap((l) => l ?? []);
  const cues = [...new Set(all)].filter((cue) => cue.pattern[0].optional || testWord(cue.pattern[0], word, lowerCase));
  return cues.length ? cues : NO_CUES;
}

function hits(a: WordTest, word: string, lowerCase: boolean): boolean {
  if (a.test === 'exact') return word === a.value;
  if (a.test === 'prefix') return word.startsWith(a.value);
  // Endings are verb morphology: never tested on capitalised words (names such as "Narendra").
  if (a.test === 'suffix') return lowerCase && word.length >= SUFFIX_MIN && word.endsWith(a.value);
  return a.members!.has(word);
}

function testWord(p: PatternToken, word: string, lowerCase: boolean): boolean {
  if (p.positive.length) {
    let any = false;
    for (const a of p.positive)
      if (hits(a, word, lowerCase)) {
        any = true;
        break;
      }
    if (!any) return false;
  }
  for (const a of p.negative) if (hits(a, word, lowerCase)) return false;
  return true;
}

/**
 * Matches pattern[k..] from token i; returns the index of the last token matched, or -1. Until a
 * word is matched (`started`), a gap skips nothing: "@poss? … commitment" starts at the possessive
 * or at "commitment", never at words before them ("China and Brazil reaffirmed their commitment").
 */
function matchFrom(pattern: PatternToken[], k: number, words: string[], lower: boolean[], i: number, started: boolean): number {
  if (k === pattern.length) return i - 1;
  const p = pattern[k];
  if (p.kind === 'gap') {
    const most = started ? MAX_GAP : 0;
    for (let skip = 0; skip <= most && i + skip <= words.length; skip++) {
      const end = matchFrom(pattern, k + 1, words, lower, i + skip, started);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (i < words.length && testWord(p, words[i], lower[i])) {
    const end = matchFrom(pattern, k + 1, words, lower, i + 1, true);
    if (end >= 0) return end;
  }
  return p.optional ? matchFrom(pattern, k + 1, words, lower, i, started) : -1;
}

/** Every cue of the lexicon that matches in the token list (a cue may match at several places). */
export function matchCues(tokens: Token[], lex: ActLexicon): CueMatch[] {
  const words = wordsOfTokens(tokens);
  const lower = tokens.map((t) => !capitalised(t.raw));
  // A cue whose key word is nowhere in the provision cannot match in it: most cues, most of the time.
  const { candidates, keyed } = formMemosOf(lex);
  if (keySeen.length < lex.cues.length) keySeen = new Int32Array(lex.cues.length * 2);
  if (provisionStamp === 0x7fffffff) keySeen.fill((provisionStamp = 0));
  const stamp = ++provisionStamp;
  for (const t of tokens) for (const id of keyed(t.form)) keySeen[id] = stamp;
  const matches: CueMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const cue of candidates(tokens[i].form)) {
      if (cue.key && keySeen[cue.id] !== stamp) continue;
      const last = matchFrom(cue.pattern, 0, words, lower, i, false);
      if (last >= i) matches.push({ cue, first: i, last });
    }
  }
  return matches;
}
