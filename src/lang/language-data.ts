import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { DATA_DIR, readList, readTsv } from './tsv.ts';
import { EntenteError, type LineKind } from '../core/types.ts';
import { compilePattern } from './pattern.ts';
import { foldAccents } from '../core/normalize.ts';

/** Segmentation and date knowledge of one language, loaded from `data/lang/<lang>/`. */
export interface SegmentationData {
  language: string;
  abbreviations: Set<string>;
  /** Abbreviations that may also end a sentence ("etc.", "p.m."): one before a capital letter ends it. */
  sentenceFinal: Set<string>;
  furniture: { kind: LineKind; pattern: RegExp; rule: string }[];
  /** Month name (folded, no dot) → month number. */
  months: Map<string, number>;
  monthPattern: string;
  /** Function words (`stopwords.txt`), folded: "le", "the", "à"… */
  functionWords: Set<string>;
}

const LINE_KINDS = new Set<LineKind>(['dateline', 'byline', 'source', 'caption', 'breadcrumb', 'furniture', 'closing_date']);
const cache = new Map<string, SegmentationData>();

export function languageDir(language: string): string {
  return path.join(DATA_DIR, 'lang', language);
}

/** The languages that have a data folder (two-letter codes). */
export function dataLanguages(): string[] {
  const dir = path.join(DATA_DIR, 'lang');
  return existsSync(dir) ? readdirSync(dir).filter((name) => /^[a-z]{2}$/.test(name)) : [];
}

const hasData = new Map<string, boolean>();

/** Languages that have a data folder. */
export function hasLanguageData(language: string): boolean {
  let has = hasData.get(language);
  if (has === undefined) hasData.set(language, (has = existsSync(languageDir(language))));
  return has;
}

export function segmentationData(language: string): SegmentationData {
  const lang = hasLanguageData(language) ? language : 'en';
  let data = cache.get(lang);
  if (data) return data;
  const dir = languageDir(lang);
  // A line "etc.<TAB>may-end" lists an abbreviation that can also close a sentence.
  const abbreviationLines = readList(path.join(dir, 'abbreviations.txt')).map((line) => line.split('\t'));
  const abbreviations = new Set(abbreviationLines.map(([word]) => word.trim()));
  const sentenceFinal = new Set(abbreviationLines.filter(([, flag]) => flag?.trim() === 'may-end').map(([word]) => word.trim()));
  const furniture = readTsv(path.join(dir, 'furniture.tsv'), ['kind', 'pattern']).map((row) => {
    const kind = row.cells.kind as LineKind;
    if (!LINE_KINDS.has(kind)) throw new EntenteError(`unknown line kind "${kind}"`, row.where, `use one of ${[...LINE_KINDS].join(', ')}`);
    try {
      return { kind, pattern: compilePattern(`^(?:${row.cells.pattern})$`, 'iu'), rule: row.where };
    } catch (err) {
      throw new EntenteError(`bad regular expression (${(err as Error).message})`, row.where);
    }
  });
  const months = new Map<string, number>();
  for (const row of readTsv(path.join(dir, 'months.tsv'), ['month', 'names']))
    for (const name of row.cells.names.split('|')) months.set(name.toLowerCase().replace(/\.$/, ''), Number(row.cells.month));
  const monthPattern = [...months.keys()]
    .sort((a, b) => b.length - a.length)
    .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\.?')
    .join('|');
  const functionWords = new Set(readList(path.join(dir, 'stopwords.txt')).map((w) => foldAccents(w)));
  data = { language: lang, abbreviations, sentenceFinal, furniture, months, monthPattern, functionWords };
  cache.set(lang, data);
  return data;
}
