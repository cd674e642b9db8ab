import { tokenize } from '../core/tokenize.ts';
import { stemmerFor } from '../lang/stem.ts';

/**
 * The words of a text as the full-text index sees them: each word stemmed in the text's
 * language (so "coopérer" and "coopération" meet), accent-folded and lower-cased.
 */
export function indexText(text: string, language: string): string {
  const stem = stemmerFor(language);
  return tokenize(text)
    .map((t) => stem(t.raw))
    .filter(Boolean)
    .join(' ');
}

/** Stems of one word in each of the given languages (a query does not know the language of what it finds). */
export function queryStems(word: string, languages: string[]): string[] {
  return [...new Set(languages.map((l) => stemmerFor(l)(word)).filter(Boolean))];
}
