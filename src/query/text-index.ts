import { scanWords } from '../core/tokenize.ts';
import { stemmerFor } from '../lang/stem.ts';

/**
 * The words of a text as the full-text index sees them: each word of text[from, to) stemmed in the text's
 * language (so "coopérer" and "coopération" meet), accent-folded and lower-cased.
 */
export function indexText(text: string, language: string, from = 0, to = text.length): string {
  const stem = stemmerFor(language);
  let out = '';
  scanWords(text, from, to, (start, end) => {
    const s = stem(text.slice(start, end));
    if (s) out = out ? `${out} ${s}` : s;
  });
  return out;
}

/** Stems of one word in each of the given languages (a query does not know the language of what it finds). */
export function queryStems(word: string, languages: string[]): string[] {
  return [...new Set(languages.map((l) => stemmerFor(l)(word)).filter(Boolean))];
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

export function indexFacts(f: IndexFacts): string {
  const tokens = new Set<string>([factToken('doc', f.docId), factToken('lang', f.language)]);
  if (f.date) tokens.add(factToken('year', f.date.slice(0, 4)));
  for (const p of f.parties) tokens.add(factToken('party', p));
  for (const c of f.codes) tokens.add(factToken(c.kind, c.label));
  return [...tokens].join(' ');
}
