/**
 * Throughput and memory of ingestion: analyse each generated document (with the given coding
 * stages) and store it in a fresh SQLite file through the same writer as `entente ingest`.
 */
import { rmSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { analyzeText, emptyDoc } from '../src/analyze/pipeline.ts';
import { defaultContext, type Stage } from '../src/analyze/stage.ts';
import { detectLanguage } from '../src/analyze/doc-fields.ts';
import { segment } from '../src/segment/segment.ts';
import { openDatabase } from '../src/store/database.ts';
import { DocumentWriter } from '../src/store/writer.ts';
import { generateCorpus, type BaseText } from './corpus.ts';
import { heapUsedMB, peakRssMB, progress, retainedHeapMB, round, rssMB, toMB } from './util.ts';

export interface RssSample {
  /** Share of the corpus ingested when the sample was taken (0–100). */
  percent: number;
  docs: number;
  mb: number;
  rssMB: number;
  heapUsedMB: number;
}

/** A sample at 10 / 50 / 100 %, with the heap left after a forced full collection (what is really kept). */
export interface Milestone extends RssSample {
  retainedHeapMB: number | null;
}

export interface IngestResult {
  label: string;
  stages: string[];
  docs: number;
  mb: number;
  provisions: number;
  annotations: number;
  /** Documents the store reported as already there (must be 0: every copy is distinct). */
  unchanged: number;
  seconds: number;
  mbPerSec: number;
  provisionsPerSec: number;
  /** Where the time went, in seconds: analysis before the coding stages, each stage, storage. */
  breakdown: Record<string, number>;
  dbFileMB: number;
  /** RSS every `sampleEvery` documents, and exactly at 10 %, 50 % and 100 % of the corpus. */
  samples: RssSample[];
  milestones: Milestone[];
  /** RSS once warmed up and the database opened, before the first timed document. */
  startRssMB: number;
  peakRssMB: number;
}

export interface IngestOptions {
  label: string;
  bases: BaseText[];
  targetBytes: number;
  stages: Stage[];
  dbFile: string;
  sampleEvery?: number;
}

/** Wraps stages so that each one's time is added to `times[stage.name]` (ms). */
function timedStages(stages: Stage[], times: Record<string, number>): Stage[] {
  return stages.map((stage) => ({
    name: stage.name,
    run(doc, context) {
      const t0 = performance.now();
      stage.run(doc, context);
      times[stage.name] = (times[stage.name] ?? 0) + performance.now() - t0;
    },
  }));
}

/** Runs a few documents through the same path into a throw-away in-memory database (JIT, caches, lazy data files). */
function warmUp(bases: BaseText[], stages: Stage[]): void {
  const db = openDatabase(':memory:');
  const context = defaultContext();
  const writer = new DocumentWriter(db);
  for (const doc of generateCorpus(bases, 512 * 1024, 1_000_000_000)) writer.save(analyzeText(doc.text, doc.source, context, stages));
  writer.close();
  db.close();
}

function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

export function runIngest(options: IngestOptions): IngestResult {
  const { label, bases, targetBytes, stages, dbFile, sampleEvery = 200 } = options;
  warmUp(bases, stages);
  removeDb(dbFile);
  const db = openDatabase(dbFile);
  const context = defaultContext();
  const stageMs: Record<string, number> = {};
  const timed = timedStages(stages, stageMs);
  let analyzeMs = 0;
  let storeMs = 0;
  let docs = 0;
  let bytes = 0;
  let provisions = 0;
  let annotations = 0;
  let unchanged = 0;
  let sampleMs = 0;
  const samples: RssSample[] = [];
  const milestones: Milestone[] = [];
  const marks = [10, 50, 100];
  const sample = (): RssSample => ({
    percent: round((100 * bytes) / targetBytes, 1),
    docs,
    mb: round(toMB(bytes)),
    rssMB: round(rssMB(), 1),
    heapUsedMB: round(heapUsedMB(), 1),
  });
  let nextProgress = 10;

  const writer = new DocumentWriter(db);
  const startRss = rssMB();
  const start = performance.now();
  for (const generated of generateCorpus(bases, targetBytes)) {
    const t0 = performance.now();
    const doc = analyzeText(generated.text, generated.source, context, timed);
    const t1 = performance.now();
    if (writer.save(doc).status === 'unchanged') unchanged++;
    storeMs += performance.now() - t1;
    analyzeMs += t1 - t0;
    docs++;
    bytes += generated.bytes;
    provisions += doc.provisions.length;
    annotations += doc.annotations.length;
    if (docs % sampleEvery === 0) samples.push(sample());
    // Milestones are taken on the first document past each mark (the last one crosses 100 %).
    // RSS is read before the forced collection, the retained heap after it.
    // The time this takes is left out of the throughput.
    while (marks.length && bytes >= (marks[0] / 100) * targetBytes) {
      const t2 = performance.now();
      const taken = { ...sample(), percent: marks.shift()! };
      const retained = retainedHeapMB();
      milestones.push({ ...taken, retainedHeapMB: retained === null ? null : round(retained, 1) });
      sampleMs += performance.now() - t2;
    }
    if ((100 * bytes) / targetBytes >= nextProgress) {
      progress(`${label}: ${Math.min(100, nextProgress)} % (${docs} docs, ${toMB(bytes).toFixed(1)} MB, ${((performance.now() - start) / 1000).toFixed(1)} s)`);
      nextProgress += 10;
    }
  }
  const closing = performance.now();
  writer.close();
  storeMs += performance.now() - closing;
  const seconds = (performance.now() - start - sampleMs) / 1000;
  samples.push(sample());
  db.close();
  const dbFileMB = ['', '-wal'].reduce((sum, s) => sum + (existsSync(dbFile + s) ? toMB(statSync(dbFile + s).size) : 0), 0);
  removeDb(dbFile);

  const stagesMs = Object.values(stageMs).reduce((a, b) => a + b, 0);
  const breakdown: Record<string, number> = { 'language + segmentation + doc fields': round((analyzeMs - stagesMs) / 1000) };
  for (const stage of stages) breakdown[`stage ${stage.name}`] = round((stageMs[stage.name] ?? 0) / 1000);
  breakdown['storage (DocumentWriter)'] = round(storeMs / 1000);
  const mb = toMB(bytes);
  return {
    label,
    stages: stages.map((s) => s.name),
    docs,
    mb: round(mb),
    provisions,
    annotations,
    unchanged,
    seconds: round(seconds),
    mbPerSec: round(mb / seconds),
    provisionsPerSec: Math.round(provisions / seconds),
    breakdown,
    dbFileMB: round(dbFileMB, 1),
    samples,
    milestones,
    startRssMB: round(startRss, 1),
    peakRssMB: round(peakRssMB(), 1),
  };
}

export interface PreStageProfile {
  mb: number;
  /** ms per MB of text for each step that analyzeText runs before the coding stages. */
  msPerMB: { languageDetection: number; segmentation: number; docFields: number; analyzeNoStages: number };
}

/**
 * Splits the cost of `analyzeText(…, [])` on a small slice: language detection alone,
 * segmentation alone, and the rest (title, date, document type) by difference.
 */
export function profilePreStages(bases: BaseText[], targetBytes: number): PreStageProfile {
  const context = defaultContext();
  for (const d of generateCorpus(bases, 256 * 1024, 1_500_000_000)) analyzeText(d.text, d.source, context, []); // warm-up
  let bytes = 0;
  let langMs = 0;
  let segMs = 0;
  let totalMs = 0;
  for (const d of generateCorpus(bases, targetBytes, 2_000_000_000)) {
    bytes += d.bytes;
    let t0 = performance.now();
    const language = detectLanguage(d.text);
    langMs += performance.now() - t0;
    const doc = emptyDoc(d.text, d.source, language);
    t0 = performance.now();
    segment(doc);
    segMs += performance.now() - t0;
    t0 = performance.now();
    analyzeText(d.text, d.source, context, []);
    totalMs += performance.now() - t0;
  }
  const mb = toMB(bytes);
  return {
    mb: round(mb),
    msPerMB: {
      languageDetection: round(langMs / mb, 1),
      segmentation: round(segMs / mb, 1),
      docFields: round((totalMs - langMs - segMs) / mb, 1),
      analyzeNoStages: round(totalMs / mb, 1),
    },
  };
}

export const dbPath = (dir: string, name: string): string => path.join(dir, `${name}.db`);
