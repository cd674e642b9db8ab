/**
 * The benchmark corpus: the real texts of ../shared/corpus (seeds and dev), repeated until the
 * wanted size. Each repetition is a distinct document (a numbered sentence is added to its first
 * long paragraph, so the text hash differs), and documents are produced one at a time by a
 * generator: the bench never holds the whole corpus in memory.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readStatementFile, SUPPORTED_EXTENSIONS } from '../src/ingest/read-file.ts';
import { detectLanguage } from '../src/analyze/doc-fields.ts';
import type { SourceInfo } from '../src/core/types.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';

/** The shared corpus sits next to the project (bench and tests may read it, the product may not). */
export const DEFAULT_CORPUS_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'corpus');
const SUBDIRS = ['seeds', 'dev'];

export interface BaseText {
  name: string;
  language: string;
  /** Normalised text, as the readers hand it to the analysis. */
  text: string;
  bytes: number;
  /** Where the numbered sentence goes: the end of the first long line (a body paragraph). */
  insertAt: number;
}

export interface GeneratedDoc {
  /** Copy number, unique across the run. */
  n: number;
  text: string;
  bytes: number;
  source: SourceInfo;
}

/** Reads every text of the shared corpus through the product's own reader (decode + normalise). */
export async function loadBaseTexts(dir = DEFAULT_CORPUS_DIR): Promise<BaseText[]> {
  const files = SUBDIRS.map((sub) => path.join(dir, sub))
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .sort()
        .map((f) => path.join(d, f)),
    )
    .filter((f) => SUPPORTED_EXTENSIONS.includes(path.extname(f).toLowerCase()));
  if (!files.length) throw new Error(`no corpus texts found under ${dir} (expected ${SUBDIRS.join(' and ')})`);
  const texts: BaseText[] = [];
  for (const file of files) {
    const { text } = await readStatementFile(file);
    const longLine = /^.{200,}$/m.exec(text);
    texts.push({
      name: `${path.basename(path.dirname(file))}/${path.basename(file)}`,
      language: detectLanguage(text),
      text,
      bytes: Buffer.byteLength(text),
      insertAt: longLine ? longLine.index + longLine[0].length : text.length,
    });
  }
  return texts;
}

/** The sentence that makes copy `n` distinct, in the language of the text (it becomes one more provision). */
function copySentence(language: string, n: number): string {
  return language === 'fr' ? ` Ceci est la copie numéro ${n} du corpus de mesure.` : ` This is copy number ${n} of the benchmark corpus.`;
}

/** Copy `n` of the corpus: base text `n mod count`, made distinct by its numbered sentence. */
export function makeDoc(bases: BaseText[], n: number): GeneratedDoc {
  const base = bases[n % bases.length];
  const sentence = copySentence(base.language, n);
  const text = base.text.slice(0, base.insertAt) + sentence + base.text.slice(base.insertAt);
  return {
    n,
    text,
    bytes: base.bytes + Buffer.byteLength(sentence),
    source: { path: `bench/${String(n).padStart(6, '0')}-${path.basename(base.name)}`, format: 'text', encoding: 'utf-8', hints: {} },
  };
}

/**
 * Yields distinct documents, one at a time, until at least `targetBytes` have been produced.
 * `firstCopy` offsets the copy numbers (the warm-up uses its own range).
 */
export function* generateCorpus(bases: BaseText[], targetBytes: number, firstCopy = 0): Generator<GeneratedDoc> {
  let total = 0;
  for (let n = firstCopy; total < targetBytes; n++) {
    const doc = makeDoc(bases, n);
    total += doc.bytes;
    yield doc;
  }
}
