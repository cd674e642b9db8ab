import { createHash } from 'node:crypto';
import path from 'node:path';
import { formMemo, scanWords, type Token, type WordForm } from '../core/tokenize.ts';
import { foldAccents } from '../core/normalize.ts';
import { dataLanguages, hasLanguageData, languageDir } from '../lang/language-data.ts';
import { stemmerFor } from '../lang/stem.ts';
import { readList } from '../lang/tsv.ts';
import { memoize } from '../core/memo.ts';

/** A word as a stopword list writes it: lower-case, accent-folded, without apostrophes. */
const listForm = (word: string) => foldAccents(word.toLowerCase()).replace(/[’']/g, '');

/** The words the index leaves out in a language (`index-stopwords.txt`); none for a language without data. */
export function indexStopwords(language: string): Set<string> {
  return new Set(hasLanguageData(language) ? readList(path.join(languageDir(language), 'index-stopwords.txt')).map(listForm) : []);
}

/** A fingerprint of the word lists index keys depend on, in every language with data. */
export function indexFingerprint(): string {
  const lists = dataLanguages().map((l) => `${l}: ${[...indexStopwords(l)].sort().join(' ')}`);
  return createHash('sha256').update(lists.join('\n')).digest('hex').slice(0, 16);
}

const indexKeyCache = new Map<string, (word: string) => string>();

/**
 * The index key of a word in a language: its stem (so "coopérer" and "coopération" meet),
 * accent-folded and lower-cased, or '' for a word the index leaves out. Remembered per word as
 * written, like the stems themselves.
 */
export function indexKeyFor(language: string): (word: string) => string {
  let fn = indexKeyCache.get(language);
  if (!fn) {
    const stem = stemmerFor(language);
    const stop = indexStopwords(language);
    fn = memoize((word) => (stop.has(listForm(word)) ? '' : stem(word)), 200_000);
    indexKeyCache.set(language, fn);
  }
  return fn;
}

/** The words of text[from, to) as the full-text index sees them, in the text's language. */
export function indexText(text: string, language: string, from = 0, to = text.length): string {
  const key = indexKeyFor(language);
  // Joined once at the end: appending word by word makes two string objects per word for the
  // collector, and SQLite would flatten the chain again when binding it.
  const keys: string[] = [];
  scanWords(text, from, to, (start, end) => {
    const k = key(text.slice(start, end));
    if (k) keys.push(k);
  });
  return keys.join(' ');
}

/**
 * The index keys of words already cut out, joined as the index holds them: a provision's words as the
 * coding stages tokenized them (the same as `indexText` over their span), or a phrase of a query.
 */
export function indexWords(words: readonly string[], language: string): string {
  return joinKeys(words, indexKeyFor(language));
}

/** The keys of some items joined as the index holds them, leaving out the words it skips (key ''). */
function joinKeys<T>(items: readonly T[], keyOf: (item: T) => string): string {
  const keys: string[] = [];
  for (const item of items) {
    const k = keyOf(item);
    if (k) keys.push(k);
  }
  return keys.join(' ');
}

const formKeyCache = new Map<string, (form: WordForm) => string>();

/** The index key of a word form in a language, remembered per form (see formMemo). */
function formKeyFor(language: string): (form: WordForm) => string {
  let keyOf = formKeyCache.get(language);
  if (!keyOf) {
    const key = indexKeyFor(language);
    formKeyCache.set(language, (keyOf = formMemo((form) => key(form.raw))));
  }
  return keyOf;
}

/** `indexWords` of tokens' written forms. */
export function indexTokens(tokens: readonly Token[], language: string): string {
  const keyOf = formKeyFor(language);
  return joinKeys(tokens, (t) => keyOf(t.form));
}

/**
 * Index keys of one query word in each of the given languages (a query does not know the language
 * of what it finds); none where the word is one the index leaves out.
 */
export function queryStems(word: string, languages: string[]): string[] {
  return [...new Set(languages.map((l) => indexKeyFor(l)(word)).filter(Boolean))];
}

/** What the index records about a provision besides its words: its codes and its document's facts. */
export interface IndexFacts {
  docId: string;
  language: string;
  date: string | null;
  parties: string[];
  codes: { kind: string; label: string }[];
}

/** A code or fact as an index token: "act_oppose", "entity_un_charter", "year_2021". */
export const factToken = (kind: string, value: string) => `${kind}_${value}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');

/** The tokens of a document's facts, the same for each of its provisions. */
export function documentFactTokens(f: Omit<IndexFacts, 'codes'>): string[] {
  const tokens = [factToken('doc', f.docId), factToken('lang', f.language)];
  if (f.date) tokens.push(factToken('year', f.date.slice(0, 4)));
  for (const p of f.parties) tokens.push(factToken('party', p));
  return tokens;
}

/** Code tokens by kind, then label: a few hundred labels recur in every provision. */
const codeTokens = new Map<string, (label: string) => string>();

function codeToken(kind: string, label: string): string {
  let ofLabel = codeTokens.get(kind);
  if (!ofLabel) codeTokens.set(kind, (ofLabel = memoize((l) => factToken(kind, l), 20_000)));
  return ofLabel(label);
}

/** A provision's fact tokens, each once; `documentTokens` may be given when the document's are at hand. */
export function indexFacts(f: IndexFacts, documentTokens = documentFactTokens(f)): string {
  const tokens = new Set<string>(documentTokens);
  for (const c of f.codes) tokens.add(codeToken(c.kind, c.label));
  return [...tokens].join(' ');
}
