import { foldAccents } from './normalize.ts';

/** A word of the normalised text. Punctuation is not a token; hyphens and apostrophes are remembered. */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Surface form as in the text. */
  readonly raw: string;
  /** Lower-cased, accent-folded form used by every matcher. */
  readonly norm: string;
  /** The token ends with an elision apostrophe (`l'`, `d'`, `qu'`). */
  readonly elided: boolean;
  /** The token is glued to the previous one by a hyphen (`sino-russe`, `U.S.-Japan`). */
  readonly afterHyphen: boolean;
  /** The word as written, shared by every token spelled the same: see `formMemo`. */
  readonly form: WordForm;
}

/**
 * A token as `tokenize` makes it: its strings are read from its form rather than held by each
 * token, since a document's tokens live through every stage and there are some 150,000 per MB.
 */
class TextToken implements Token {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly elided: boolean,
    readonly afterHyphen: boolean,
    readonly form: WordForm,
  ) {}

  get raw(): string {
    return this.form.raw;
  }

  get norm(): string {
    return this.form.norm;
  }
}

/**
 * A written form of a word (`raw`), one object for all its tokens. The matchers of every stage look
 * up what they derive from a word (its stem, the cues or names it may start, its index key) once
 * per form and keep it in a table indexed by the form's id (see formMemo), so a token costs them
 * an array read rather than a look-up in a table of every word seen.
 */
export interface WordForm {
  /** The token's `raw`. */
  readonly raw: string;
  /** The token's `norm`. */
  readonly norm: string;
  /** `norm` without apostrophes, as word lists write words ("aujourdhui"). */
  readonly plain: string;
  /** A number no other form has had in this process: its place in the memo tables. */
  readonly id: number;
}

/** Word forms by their written form; dropped all at once when too many, as the other word caches are. */
const forms = new Map<string, WordForm>();
export const MAX_FORMS = 100_000;
let nextFormId = 0;
/** The id of the first form made since the forms were last dropped: memo tables start there. */
let firstFormId = 0;
/** Every memo's table of derived values, emptied with the forms. */
const memoTables: unknown[][] = [];

/** The form of a token written `raw`; `elided` is a function of `raw` (an elision ends with its apostrophe). */
function formOf(raw: string, elided: boolean): WordForm {
  let form = forms.get(raw);
  if (!form) {
    if (forms.size >= MAX_FORMS) {
      forms.clear();
      for (const table of memoTables) table.length = 0;
      firstFormId = nextFormId;
    }
    const norm = foldAccents(elided ? raw.slice(0, -1) : raw);
    forms.set(raw, (form = { raw, norm, plain: norm.includes("'") ? norm.replace(/'/g, '') : norm, id: nextFormId++ }));
  }
  return form;
}

/**
 * A value derived from a word's written form, computed once per form: `memo(token.form)`. The
 * values sit in one dense array per memo, indexed by form, which the stages read far faster than
 * a table per form scattered through memory. Memos are made once per loaded lexicon or model,
 * never per document. A form older than the last time forms were dropped (a token of a document
 * in progress then) has its value derived again each time.
 */
export function formMemo<T>(derive: (form: WordForm) => T): (form: WordForm) => T {
  const values: (T | undefined)[] = [];
  memoTables.push(values);
  return (form) => {
    const at = form.id - firstFormId;
    if (at < 0) return derive(form);
    let value = values[at];
    if (value === undefined) {
      // Grown one slot at a time so that the array stays packed (a write far past its end would make it sparse).
      while (values.length <= at) values.push(undefined);
      values[at] = value = derive(form);
    }
    return value;
  };
}

// A word is a run of letters and digits, with the inner dots of acronyms (U.S., D.C.) and an
// apostrophe before a letter: what /[\p{L}\p{N}]+(?:\.(?=\p{Lu}\.)\p{L}+)*(?:['’ʼ](?=\p{L}))?/u
// matches. It is scanned by hand because every stage and the full-text index tokenise every
// provision, and a Unicode regex walking the text was the largest single cost of an ingest.
const LETTER = 1;
const DIGIT = 2;
const UPPER = 4;
const KNOWN = 128;
/** Character classes of the Basic Multilingual Plane, filled as characters are met. */
const bmpClass = new Uint8Array(0x10000);
const classify = (ch: string): number => (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? DIGIT : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0);
for (let c = 0; c < 0x80; c++) bmpClass[c] = KNOWN | classify(String.fromCharCode(c));

/** The classes of the character at `i` (0 past the end), and its length in UTF-16 units in `charWidth`. */
let charWidth = 1;
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  charWidth = 1;
  if (code !== code) return 0; // past the end
  if (code < 0xd800 || code > 0xdbff) {
    let c = bmpClass[code];
    if (!(c & KNOWN)) bmpClass[code] = c = KNOWN | classify(String.fromCharCode(code));
    return c & ~KNOWN;
  }
  const point = text.codePointAt(i)!;
  if (point <= 0xffff) return 0; // a lone surrogate
  charWidth = 2;
  return classify(String.fromCodePoint(point));
}

/** End of the word that starts at `start` (a letter or digit), as the pattern above reads it. */
function wordEnd(text: string, start: number): number {
  let j = start;
  for (;;) {
    const code = text.charCodeAt(j);
    // ASCII, most of the text, without the call.
    if (code < 0x80) {
      if (bmpClass[code] & (LETTER | DIGIT)) j++;
      else break;
    } else if (classAt(text, j) & (LETTER | DIGIT)) j += charWidth;
    else break;
  }
  // Acronym dots: ".S" when an upper-case letter and another dot follow ("U.S.A.").
  while (text.charCodeAt(j) === 0x2e && classAt(text, j + 1) & UPPER) {
    const width = charWidth;
    if (text.charCodeAt(j + 1 + width) !== 0x2e) break;
    j += 1 + width;
  }
  if (isApostrophe(text.charCodeAt(j)) && classAt(text, j + 1) & LETTER) j += 1;
  return j;
}

/** Start of the next word at or after `from`, or -1 when none starts before `to`. */
function nextWordStart(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (bmpClass[code] & (LETTER | DIGIT)) return i;
    } else if (classAt(text, i) & (LETTER | DIGIT)) return i;
    else i += charWidth - 1;
  }
  return -1;
}

/** Length of the run of letters at `i`. */
function lettersAt(text: string, i: number): number {
  let j = i;
  while (classAt(text, j) & LETTER) j += charWidth;
  return j - i;
}

/** ' ’ ʼ */
const isApostrophe = (code: number) => code === 0x27 || code === 0x2019 || code === 0x2bc;
const ELISION = /^(?:[lsdnmtcj]|qu|jusqu|lorsqu|puisqu)['’ʼ]$/i;

/**
 * Splits text into word tokens with offsets. Elided articles and pronouns ("l'", "s'")
 * become their own token so that "l'OTAN" yields `l'` + `OTAN`.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  scanWords(text, from, to, (start, end, elided, afterHyphen) => {
    const form = formOf(text.slice(start, end), elided);
    tokens.push(new TextToken(start, end, elided, afterHyphen, form));
  });
  return tokens;
}

/** The words of a span as written, exactly the `raw` of `tokenize`, without the cost of tokens. */
export function wordsOf(text: string, from = 0, to = text.length): string[] {
  const words: string[] = [];
  scanWords(text, from, to, (start, end) => words.push(text.slice(start, end)));
  return words;
}

/**
 * Calls `emit` with the span of each word of text[from, to). A word's surface form is always
 * `text.slice(start, end)`; it is not built here, since the full-text index needs none.
 */
export function scanWords(text: string, from: number, to: number, emit: (start: number, end: number, elided: boolean, afterHyphen: boolean) => void): void {
  let previousEnd = -2;
  let at = from;
  for (let start = nextWordStart(text, at, to); start >= 0; start = nextWordStart(text, at, to)) {
    let end = wordEnd(text, start);
    at = end;
    if (end > to) end = to;
    const endsWithApostrophe = isApostrophe(text.charCodeAt(end - 1));
    const elided = endsWithApostrophe && ELISION.test(text.slice(start, end));
    if (endsWithApostrophe && !elided) {
      const rest = Math.min(lettersAt(text, end), 64);
      if (rest === 1 && (text.charCodeAt(end) | 0x20) === 0x73) {
        // An English possessive ("China's"): the name is the token, the "'s" is dropped.
        end -= 1;
        at = end + 2;
      } else if (rest > 0) {
        // An apostrophe inside a word that is not an elision ("aujourd'hui"): keep the word whole.
        end += rest;
        at = end;
      }
    }
    const prev = text.charCodeAt(start - 1);
    const afterHyphen = (prev === 0x2d || prev === 0x2011 || prev === 0x2013) && previousEnd === start - 1;
    previousEnd = end;
    emit(start, end, elided, afterHyphen);
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

/** The tokens `tokensOf` already computed for a span, if a stage asked for them; never tokenizes. */
export function tokensIfComputed(owner: { text: string }, start: number, end: number): Token[] | undefined {
  return docTokens.get(owner)?.get(start * 1_000_003 + end);
}
