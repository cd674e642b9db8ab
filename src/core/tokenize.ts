import { foldAccents } from './normalize.ts';

/** A word of the normalised text. Punctuation is not a token; hyphens and apostrophes are remembered. */
export interface Token {
  start: number;
  end: number;
  /** Surface form as in the text. */
  raw: string;
  /** Lower-cased, accent-folded form used by every matcher. */
  norm: string;
  /** The token ends with an elision apostrophe (`l'`, `d'`, `qu'`). */
  elided: boolean;
  /** The token is glued to the previous one by a hyphen (`sino-russe`, `U.S.-Japan`). */
  afterHyphen: boolean;
}

// A word is a run of letters, digits and inner dots of acronyms (U.S., D.C.).
const WORD = /[\p{L}\p{N}]+(?:\.(?=\p{Lu}\.)[\p{L}]+)*(?:['’ʼ](?=\p{L}))?/gu;
/** ' ’ ʼ */
const isApostrophe = (code: number) => code === 0x27 || code === 0x2019 || code === 0x2bc;
const ELISION = /^(?:[lsdnmtcj]|qu|jusqu|lorsqu|puisqu)['’ʼ]$/i;

/**
 * Splits text into word tokens with offsets. Elided articles and pronouns ("l'", "s'")
 * become their own token so that "l'OTAN" yields `l'` + `OTAN`.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  scanWords(text, from, to, (start, end, raw, elided, afterHyphen) =>
    tokens.push({ start, end, raw, norm: foldAccents(elided ? raw.slice(0, -1) : raw), elided, afterHyphen }),
  );
  return tokens;
}

/** The words of a span as written, exactly the `raw` of `tokenize`, without the cost of tokens. */
export function wordsOf(text: string, from = 0, to = text.length): string[] {
  const words: string[] = [];
  scanWords(text, from, to, (_start, _end, raw) => words.push(raw));
  return words;
}

function scanWords(
  text: string,
  from: number,
  to: number,
  emit: (start: number, end: number, raw: string, elided: boolean, afterHyphen: boolean) => void,
): void {
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  let previousEnd = -2;
  while ((m = WORD.exec(text)) && m.index < to) {
    let raw = m[0];
    let end = m.index + raw.length;
    if (end > to) {
      raw = raw.slice(0, to - m.index);
      end = to;
    }
    const endsWithApostrophe = isApostrophe(raw.charCodeAt(raw.length - 1));
    const elided = endsWithApostrophe && ELISION.test(raw);
    if (endsWithApostrophe && !elided) {
      const rest = /^[\p{L}]+/u.exec(text.slice(end, end + 64));
      if (rest && /^s$/i.test(rest[0])) {
        // An English possessive ("China's"): the name is the token, the "'s" is dropped.
        raw = raw.slice(0, -1);
        end -= 1;
        WORD.lastIndex = end + 2;
      } else if (rest) {
        // An apostrophe inside a word that is not an elision ("aujourd'hui"): keep the word whole.
        raw += rest[0];
        end += rest[0].length;
        WORD.lastIndex = end;
      }
    }
    const prev = text.charCodeAt(m.index - 1);
    const afterHyphen = (prev === 0x2d || prev === 0x2011 || prev === 0x2013) && previousEnd === m.index - 1;
    const start = m.index;
    previousEnd = end;
    emit(start, end, raw, elided, afterHyphen);
  }
}

const docTokens = new WeakMap<object, Map<number, Token[]>>();

/**
 * Tokens of a span of a document's text, computed once per document and span: every stage
 * tokenizes the same provisions, so they share the result. `owner` is the document.
 */
export function tokensOf(owner: { text: string }, start: number, end: number): Token[] {
  let cache = docTokens.get(owner);
  if (!cache) docTokens.set(owner, (cache = new Map()));
  const key = start * 1_000_003 + end;
  let tokens = cache.get(key);
  if (!tokens) cache.set(key, (tokens = tokenize(owner.text, start, end)));
  return tokens;
}

/** The tokens of a span if a stage has already computed them. */
export function cachedTokensOf(owner: { text: string }, start: number, end: number): Token[] | undefined {
  return docTokens.get(owner)?.get(start * 1_000_003 + end);
}
