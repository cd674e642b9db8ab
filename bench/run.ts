/**
 * Entente benchmark (`npm run bench`): ingestion throughput and memory, and entity matching cost
 * against gazetteer size. Single process; prints a report and writes bench/out/results.json.
 *
 *   npm run bench                  50 MB corpus
 *   npm run bench -- --mb 20       another corpus size
 *   npm run bench -- --quick       5 MB smoke test
 *   npm run bench -- --full-mb 10  full pipeline on a 10 MB slice only (it is the slow part)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CODING_STAGES } from '../src/analyze/pipeline.ts';
import { boundHeapGrowth } from '../src/core/heap.ts';
import { DEFAULT_CORPUS_DIR, loadBaseTexts } from './corpus.ts';
import { dbPath, profilePreStages, runIngest, type IngestResult, type Milestone } from './ingest.ts';
import { runEntityBench, type EntityResult } from './entities.ts';
import { fmt, MB, peakRssMB, round } from './util.ts';
import { projectPath } from '../src/core/paths.ts';

/** Targets from the issues (throughput, memory); the gazetteer ratio is this bench's own pass mark. */
const TARGETS = { segmentationMBs: 5, fullPipelineMBs: 2, peakRssMB: 300, gazetteerRatio: 1.5 };

interface Options {
  mb: number;
  fullMb: number;
  entityMb: number;
  quick: boolean;
  corpus: string;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string' },
      'full-mb': { type: 'string' },
      'entity-mb': { type: 'string' },
      quick: { type: 'boolean', default: false },
      corpus: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run bench -- [--mb N] [--quick] [--full-mb N] [--entity-mb N] [--corpus DIR]');
    process.exit(0);
  }
  const num = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) {
      console.error(`--${name} wants a positive number of MB, not "${value}"`);
      process.exit(2);
    }
    return n;
  };
  const quick = values.quick ?? false;
  const mb = num('mb', values.mb, quick ? 5 : 50);
  return {
    mb,
    fullMb: Math.min(mb, num('full-mb', values['full-mb'], mb)),
    entityMb: num('entity-mb', values['entity-mb'], quick ? 1 : 2),
    quick,
    corpus: values.corpus ? path.resolve(values.corpus) : DEFAULT_CORPUS_DIR,
  };
}

const verdict = (ok: boolean): string => (ok ? 'meets target' : 'BELOW TARGET');

function ingestLines(r: IngestResult, target: number, note: string): string[] {
  const lines = [
    `  corpus           ${fmt(r.mb)} MB, ${r.docs} documents, ${r.provisions} provisions, ${r.annotations} annotations${note}`,
    `  time             ${fmt(r.seconds)} s`,
    `  throughput       ${fmt(r.mbPerSec)} MB/s   ${fmt(r.provisionsPerSec, 0)} provisions/s   (target ≥ ${target} MB/s: ${verdict(r.mbPerSec >= target)})`,
    `  time split       ${Object.entries(r.breakdown)
      .map(([k, s]) => `${k} ${fmt((100 * s) / r.seconds, 0)} %`)
      .join(', ')}`,
    `  database file    ${fmt(r.dbFileMB, 1)} MB`,
  ];
  if (r.unchanged) lines.push(`  WARNING          ${r.unchanged} documents were de-duplicated: the copies are not distinct`);
  return lines;
}

const milestoneLine = (m: Milestone): string =>
  `    ${String(m.percent).padStart(3)} %  ${fmt(m.mb, 1).padStart(6)} MB in, ${String(m.docs).padStart(5)} docs   RSS ${fmt(m.rssMB, 1).padStart(6)} MB   heap ${fmt(m.heapUsedMB, 1).padStart(6)} MB` +
  (m.retainedHeapMB === null ? '' : `   heap after full GC ${fmt(m.retainedHeapMB, 1).padStart(6)} MB`);

function report(meta: Record<string, string>, a: IngestResult, b: IngestResult, profile: ReturnType<typeof profilePreStages>, e: EntityResult): string {
  const peak = Math.max(a.peakRssMB, b.peakRssMB);
  const sliceNote = b.mb < a.mb - 0.5 ? ` — a ${fmt(b.mb, 1)} MB slice of the ${fmt(a.mb, 1)} MB corpus (--full-mb)` : '';
  const growth = (r: IngestResult) => {
    const [m10, , m100] = r.milestones;
    const change = m10 && m100 ? m100.rssMB - m10.rssMB : NaN;
    return `RSS ${fmt(r.startRssMB, 1)} MB before the first document; ${change >= 0 ? '+' : ''}${fmt(change, 1)} MB between 10 % and 100 %`;
  };
  const [full1, half1, full10, half10] = e.timings;
  const aliases = (t: typeof full1) =>
    Object.entries(t.aliases)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ');
  return [
    '',
    'Entente benchmark',
    '=================',
    `  date             ${meta.date}`,
    `  node             ${meta.node}`,
    `  cpu              ${meta.cpu} (${meta.cores} logical cores; the bench uses one)`,
    `  load average     ${meta.loadStart} at start, ${meta.loadEnd} at end (1-min average; the bench itself accounts for about 1 of it)`,
    `  corpus           ${meta.bases}, repeated as distinct copies, generated in memory one at a time`,
    `  units            1 MB = 2^20 bytes of UTF-8 text; times are wall clock (performance.now)`,
    '',
    '1a. Segmentation + storage (analyzeText with no coding stages, stored through the ingest writer into a fresh SQLite file)',
    ...ingestLines(a, TARGETS.segmentationMBs, ''),
    `  pre-stage cost   language detection ${fmt(profile.msPerMB.languageDetection, 0)} ms/MB, segmentation ${fmt(profile.msPerMB.segmentation, 0)} ms/MB, title/date/type ${fmt(profile.msPerMB.docFields, 0)} ms/MB (profiled on ${fmt(profile.mb, 1)} MB)`,
    '',
    `1b. Full pipeline (default stages: ${b.stages.join(', ')}) + storage`,
    ...ingestLines(b, TARGETS.fullPipelineMBs, sliceNote),
    '',
    '2. Memory while ingesting (process RSS; peak = resourceUsage().maxRSS, the process-wide high-water mark;',
    `   a sample every ${a.samples.length > 1 ? a.samples[1].docs - a.samples[0].docs : '?'} documents is in results.json)`,
    `  1a (${growth(a)}):`,
    ...a.milestones.map(milestoneLine),
    `  1b (${growth(b)}):`,
    ...b.milestones.map(milestoneLine),
    `  peak RSS         ${fmt(a.peakRssMB, 1)} MB after 1a, ${fmt(b.peakRssMB, 1)} MB after 1b   (target < ${TARGETS.peakRssMB} MB: ${verdict(peak < TARGETS.peakRssMB)})`,
    '',
    `3. Entity matching (findMentions paragraph by paragraph; fastest of ${e.runs} interleaved runs, median in brackets)`,
    `  gazetteer 1×     ${aliases(full1)} aliases`,
    `  gazetteer 10×    ${aliases(full10)} aliases (+${Object.values(e.syntheticAliases).reduce((x, y) => x + y, 0)} synthetic pseudo-word names, built in ${fmt(e.growSeconds)} s${e.skippedSynthetic ? `, ${e.skippedSynthetic} clashes skipped` : ''})`,
    ...[full1, half1, full10, half10].map(
      (t) =>
        `  ${t.gazetteer.padEnd(3)} on ${fmt(t.mb)} MB  ${fmt(t.ms, 1).padStart(7)} ms (${fmt(t.medianMs, 1)})   ${fmt(t.msPerMB, 1).padStart(6)} ms/MB   ${t.mentions} mentions`,
    ),
    `  gazetteer 10×/1× ${fmt(e.gazetteerRatio)}× the cost per MB (≈ 1 for an index; a loop over aliases would give ≈ 10; bench threshold < ${TARGETS.gazetteerRatio}): ${verdict(e.gazetteerRatio < TARGETS.gazetteerRatio)}`,
    `  text length      ${fmt(e.textRatio)}× the text costs ${fmt(e.lengthRatio1x)}× the time with 1×, ${fmt(e.lengthRatio10x)}× with 10× (linear: ≈ ${fmt(e.textRatio)})`,
    full10.mentions !== full1.mentions ? `  note             the synthetic names changed the mention count (${full1.mentions} → ${full10.mentions})` : '',
    '',
    'Summary',
    `  segmentation + storage   ${fmt(a.mbPerSec).padStart(6)} MB/s   target ≥ ${TARGETS.segmentationMBs} MB/s   ${verdict(a.mbPerSec >= TARGETS.segmentationMBs)}`,
    `  full pipeline + storage  ${fmt(b.mbPerSec).padStart(6)} MB/s   target ≥ ${TARGETS.fullPipelineMBs} MB/s   ${verdict(b.mbPerSec >= TARGETS.fullPipelineMBs)}${sliceNote ? ` (on ${fmt(b.mb, 1)} MB)` : ''}`,
    `  peak RSS                 ${fmt(peak, 1).padStart(6)} MB     target < ${TARGETS.peakRssMB} MB    ${verdict(peak < TARGETS.peakRssMB)}`,
    `  entity cost 10×/1×       ${fmt(e.gazetteerRatio).padStart(6)}×        threshold < ${TARGETS.gazetteerRatio}×   ${verdict(e.gazetteerRatio < TARGETS.gazetteerRatio)}`,
    '',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}

async function main(): Promise<void> {
  // The same runtime setting as the CLI (`entente ingest`), so the figures are the user's.
  boundHeapGrowth();
  const options = parseOptions();
  const cpus = os.cpus();
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: String(cpus.length),
    loadStart: os.loadavg()[0].toFixed(2),
    loadEnd: '',
    bases: '',
  };
  const bases = await loadBaseTexts(options.corpus);
  const languages = [...new Set(bases.map((b) => b.language))].join(', ');
  meta.bases = `${bases.length} texts of ${path.relative(process.cwd(), options.corpus) || options.corpus} (${fmt(bases.reduce((s, b) => s + b.bytes, 0) / 1024, 1)} KB; ${languages})`;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'entente-bench-'));
  try {
    console.error(`Entente benchmark: ${options.mb} MB corpus, full pipeline on ${options.fullMb} MB${options.quick ? ' (quick)' : ''}; progress on stderr`);
    const a = runIngest({ label: '1a segmentation + storage', bases, targetBytes: options.mb * MB, stages: [], dbFile: dbPath(tmp, 'segmentation') });
    const b = runIngest({ label: '1b full pipeline + storage', bases, targetBytes: options.fullMb * MB, stages: CODING_STAGES, dbFile: dbPath(tmp, 'full') });
    const profile = profilePreStages(bases, options.quick ? MB : 2 * MB);
    console.error('  … 3 entity matching');
    const e = runEntityBench(bases, options.entityMb * MB);

    meta.loadEnd = os.loadavg()[0].toFixed(2);
    console.log(report(meta, a, b, profile, e));
    const outDir = projectPath('bench', 'out');
    mkdirSync(outDir, { recursive: true });
    const results = {
      meta: {
        ...meta,
        cores: cpus.length,
        options: { mb: options.mb, fullMb: options.fullMb, entityMb: options.entityMb, quick: options.quick },
        units: 'MB = 2^20 bytes',
      },
      targets: TARGETS,
      segmentation: a,
      fullPipeline: { ...b, slice: b.mb < a.mb - 0.5 },
      preStageProfile: profile,
      memory: {
        peakRssMB: round(Math.max(a.peakRssMB, b.peakRssMB), 1),
        afterSegmentation: a.milestones,
        afterFullPipeline: b.milestones,
        processPeakAtEndMB: round(peakRssMB(), 1),
      },
      entities: e,
    };
    writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    console.log(`  results written to ${path.relative(process.cwd(), path.join(outDir, 'results.json'))}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
