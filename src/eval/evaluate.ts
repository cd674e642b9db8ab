import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { EntenteError } from '../core/types.ts';
import { readStatementFile } from '../ingest/read-file.ts';
import { analyzeText, toRecord } from '../analyze/pipeline.ts';
import type { AnalysisContext } from '../analyze/stage.ts';
import { emptyTally, scoreDocument, summarize, type ScoredRecord, type Scores } from './score.ts';
import type { Db } from '../store/database.ts';
import { documentHash, loadDoc } from '../store/documents.ts';

export interface EvalResult {
  scores: Scores;
  /** With a database: the same documents scored with the analysts' corrections in force. */
  corrected?: Scores & { documentsFound: number };
  /** Per-document records and gold, for error analysis. */
  documents: { file: string; gold: ScoredRecord; record: ScoredRecord }[];
}

/** Analyses every corpus file that has a gold file (`NAME.json` ↔ `NAME.<ext>`) and scores it. */
export async function evaluate(goldDir: string, corpusDir: string, context?: AnalysisContext, db?: Db): Promise<EvalResult> {
  if (!existsSync(goldDir)) throw new EntenteError('no such gold folder', goldDir);
  if (!existsSync(corpusDir)) throw new EntenteError('no such corpus folder', corpusDir);
  const corpusFiles = readdirSync(corpusDir);
  const tally = emptyTally();
  const correctedTally = emptyTally();
  let found = 0;
  const documents: EvalResult['documents'] = [];
  for (const goldFile of readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const stem = goldFile.replace(/\.json$/, '');
    const source = corpusFiles.find((f) => f.replace(/\.[^.]+$/, '') === stem);
    if (!source) continue;
    let gold: ScoredRecord;
    try {
      gold = JSON.parse(readFileSync(path.join(goldDir, goldFile), 'utf8'));
    } catch (err) {
      throw new EntenteError(`invalid JSON (${(err as Error).message})`, path.join(goldDir, goldFile));
    }
    const read = await readStatementFile(path.join(corpusDir, source));
    const record = toRecord(analyzeText(read.text, read.source, context), source);
    scoreDocument(gold, record, tally);
    documents.push({ file: source, gold, record });
    if (db) {
      // The stored copy of this text, with corrections in force; the machine record if it is not stored.
      const stored = db.prepare('SELECT id FROM documents WHERE hash = ?').get(documentHash(read.text)) as { id: string } | undefined;
      if (stored) found++;
      scoreDocument(gold, stored ? toRecord(loadDoc(db, stored.id).doc, source) : record, correctedTally);
    }
  }
  if (!documents.length) throw new EntenteError('no corpus file has a gold file', `${goldDir} and ${corpusDir}`, 'gold NAME.json scores corpus NAME.txt');
  return { scores: summarize(tally), documents, corrected: db ? { ...summarize(correctedTally), documentsFound: found } : undefined };
}

const pct = (x: number) => x.toFixed(3);

/** The scores as a short human-readable report. */
export function formatScores(s: Scores): string {
  const lines = [`documents ${s.documents}`, `segmentation  P ${pct(s.segmentation.precision)}  R ${pct(s.segmentation.recall)}  F1 ${pct(s.segmentation.f1)}`];
  for (const [field, v] of Object.entries(s.fields))
    lines.push(`${field.padEnd(13)} P ${pct(v.micro.precision)}  R ${pct(v.micro.recall)}  F1 ${pct(v.micro.f1)}  macro-F1 ${pct(v.macroF1)}`);
  lines.push(`holders       exact ${pct(s.holders.exact)} (${s.holders.matched}/${s.holders.total})`);
  lines.push(
    'document      ' +
      Object.entries(s.docFields)
        .map(([k, v]) => `${k} ${pct(v.accuracy)}`)
        .join('  '),
  );
  for (const [field, v] of Object.entries(s.fields)) {
    const labels = Object.entries(v.perLabel).filter(([, p]) => p.support > 0 || p.precision < 1);
    if (field === 'entities') continue;
    lines.push(`  ${field} per label: ` + labels.map(([l, p]) => `${l} ${pct(p.f1)}`).join(', '));
  }
  return lines.join('\n');
}
