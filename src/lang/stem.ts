import { createRequire } from 'node:module';
import { foldAccents } from '../core/normalize.ts';
import { memoize } from '../core/memo.ts';

const require = createRequire(import.meta.url);

/** Snowball stemmers of @orama/stemmers, by ISO 639-1 code. */
const MODULES: Record<string, string> = {
  fr: 'french',
  en: 'english',
  de: 'german',
  es: 'spanish',
  it: 'italian',
  pt: 'portuguese',
  ru: 'russian',
  nl: 'dutch',
  sv: 'swedish',
};
const cache = new Map<string, (w: string) => string>();

/**
 * The stem function of a language: lower-cases, stems with Snowball, then folds accents so that
 * stems compare like every other key in Entente. Languages without a stemmer keep the folded word.
 */
export function stemmerFor(language: string): (word: string) => string {
  let fn = cache.get(language);
  if (!fn) {
    const name = MODULES[language];
    if (name) {
      const { stemmer } = require(`@orama/stemmers/${name}`) as { stemmer: (w: string) => string };
      // Kept by the word as written: most words recur with the same case, and the key then
      // costs no lower-casing.
      fn = memoize((w) => foldAccents(stemmer(w.toLowerCase().replace(/[’']/g, ''))), 200_000);
    } else fn = (w: string) => foldAccents(w).replace(/'/g, '');
    cache.set(language, fn);
  }
  return fn;
}
