import { parseArgs } from 'node:util';
import path from 'node:path';
import { existsSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { EntenteError } from '../core/types.ts';
import { readStatementFile } from '../ingest/read-file.ts';
import { analyzeText, toRecord } from '../analyze/pipeline.ts';
import { evaluate, formatScores } from '../eval/evaluate.ts';
import { expandInputs, ingestFiles, type IngestSummary } from '../ingest/ingest.ts';
import { DEFAULT_DB, openDatabase } from '../store/database.ts';
import { listDocuments, loadDoc, replaceAnalysis, documentText, findDocument } from '../store/documents.ts';
import { contextFor } from './context.ts';
import { formatRecord } from './format.ts';
import { table } from './table.ts';
import { search } from '../query/search.ts';
import { entityCounts, topicCounts, unknownNames } from '../query/catalog.ts';
import { compareStored, timeline, whatIsNew } from '../query/explore.ts';
import { buildPositions, getPosition, listPositions } from '../query/positions.ts';
import { createToken } from '../store/corrections.ts';
import { startServer } from '../server/serve.ts';
import type { Comparison } from '../query/compare.ts';
import { projectPath } from '../core/paths.ts';

/** Opens an existing database for the time of `fn`, and always closes it. */
async function withDatabase<T>(file: string, fn: (db: ReturnType<typeof openDatabase>) => T | Promise<T>): Promise<T> {
  const db = openDatabase(file, { mustExist: true });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

const dbOption = { db: { type: 'string' as const, default: DEFAULT_DB } };
export const SAMPLE_CORPUS = projectPath('examples', 'corpus');

function printSummary(summary: IngestSummary, db: string): void {
  for (const o of summary.outcomes) if (o.status === 'failed') console.error(`✗ ${o.error}`);
  console.log(
    table(
      ['added', 'unchanged', 'failed', 'provisions', 'languages', 'database'],
      [
        [
          summary.added,
          summary.unchanged,
          summary.failed,
          summary.provisions,
          Object.entries(summary.languages)
            .map(([l, n]) => `${l} ${n}`)
            .join(', ') || '—',
          db,
        ],
      ],
    ),
  );
}

async function runIngest(dbFile: string, inputs: string[], gazetteers: string[], quiet = false): Promise<IngestSummary> {
  const files = expandInputs(inputs);
  if (!files.length) throw new EntenteError('no statement files found', inputs.join(' '), 'give files, folders or globs of .txt .md .html .pdf .docx');
  const db = openDatabase(dbFile);
  try {
    const bar =
      !quiet && process.stderr.isTTY && files.length > 1
        ? new cliProgress.SingleBar(
            { format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true },
            cliProgress.Presets.shades_classic,
          )
        : null;
    bar?.start(files.length, 0, { file: '' });
    const summary = await ingestFiles(db, files, contextFor(dbFile, gazetteers), (done, o) => bar?.update(done, { file: path.basename(o.file) }));
    bar?.stop();
    return summary;
  } finally {
    db.close();
  }
}

function printComparison(db: ReturnType<typeof openDatabase>, cmp: Comparison): void {
  const text = (doc: string, idx: number) => (db.prepare('SELECT text FROM provisions WHERE doc_id = ? AND idx = ?').get(doc, idx) as { text: string }).text;
  console.log(
    `A ${cmp.a.name} (${cmp.a.date ?? '—'}, ${cmp.a.provisions} provisions) → B ${cmp.b.name} (${cmp.b.date ?? '—'}, ${cmp.b.provisions} provisions)${cmp.crossLanguage ? ' [aligned across languages on codes]' : ''}`,
  );
  console.log(
    `kept ${cmp.kept.length} (moved ${cmp.kept.filter((k) => k.moved).length}), reworded ${cmp.reworded.length}, added ${cmp.added.length}, dropped ${cmp.dropped.length}`,
  );
  const tty = process.stdout.isTTY;
  for (const r of cmp.reworded) {
    console.log(`\n~ A[${r.a}] → B[${r.b}]${r.moved ? ' (moved)' : ''} similarity ${r.similarity.toFixed(2)}`);
    console.log(
      '  ' +
        (r.diff.length
          ? r.diff
              .map((d) =>
                d.op === 'equal'
                  ? d.text
                  : d.op === 'delete'
                    ? tty
                      ? `\x1b[31m[-${d.text}-]\x1b[0m`
                      : `[-${d.text}-]`
                    : tty
                      ? `\x1b[32m{+${d.text}+}\x1b[0m`
                      : `{+${d.text}+}`,
              )
              .join('')
          : text(cmp.b.id, r.b)),
    );
  }
  for (const i of cmp.added) console.log(`\n+ B[${i}] ${text(cmp.b.id, i)}`);
  for (const i of cmp.dropped) console.log(`\n- A[${i}] ${text(cmp.a.id, i)}`);
  for (const [field, changes] of Object.entries(cmp.codeChanges))
    if (changes.length) console.log(`\n${field}: ${changes.map((c) => `${c.label} ${c.a}→${c.b}`).join(', ')}`);
}

/** Marks matched words for the terminal (bold when it is a terminal, «» otherwise). */
function markSpans(text: string, spans: [number, number][]): string {
  const tty = process.stdout.isTTY;
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    out += text.slice(at, s) + (tty ? `\x1b[1m${text.slice(s, e)}\x1b[0m` : `«${text.slice(s, e)}»`);
    at = e;
  }
  return out + text.slice(at);
}

export const COMMANDS: Record<string, Command> = {
  ingest: {
    summary: 'read statement files, folders or globs, analyse them and store them in the database',
    usage: 'PATH... [--db FILE] [--gazetteer FILE]... [--json]',
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { ...dbOption, gazetteer: { type: 'string', multiple: true }, json: { type: 'boolean' } },
      });
      if (!positionals.length) throw new EntenteError('give at least one PATH', 'ingest', 'entente ingest statements/ --db entente.db');
      const summary = await runIngest(values.db, positionals, values.gazetteer ?? [], values.json);
      if (values.json) console.log(JSON.stringify(summary, null, 2));
      else printSummary(summary, values.db);
      return summary.failed ? 1 : 0;
    },
  },
  analyze: {
    summary: 'analyse one file and print its analysis record, without touching the database',
    usage: 'FILE [--json] [--explain] [--gazetteer FILE]...',
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, explain: { type: 'boolean' }, gazetteer: { type: 'string', multiple: true } },
      });
      if (positionals.length !== 1) throw new EntenteError('give exactly one FILE', 'analyze', 'entente analyze statement.txt --json');
      const read = await readStatementFile(positionals[0]);
      const doc = analyzeText(read.text, read.source, contextFor(undefined, values.gazetteer ?? []));
      if (values.json) console.log(JSON.stringify(toRecord(doc), null, 2));
      else console.log(formatRecord(doc, { explain: values.explain ?? false }));
      return 0;
    },
  },
  list: {
    summary: 'list the stored documents',
    usage: '[--db FILE] [--language L] [--party CODE] [--from DATE] [--to DATE] [--json]',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: {
          ...dbOption,
          json: { type: 'boolean' },
          language: { type: 'string' },
          party: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
        },
      });
      await withDatabase(values.db, (db) => {
        const docs = listDocuments(db, values);
        if (values.json) console.log(JSON.stringify(docs, null, 2));
        else
          console.log(
            table(
              ['id', 'date', 'lang', 'type', 'parties', 'prov.', 'name', 'title'],
              docs.map((d) => [d.id, d.date, d.language, d.doc_type, d.parties.join(','), d.provisions, d.name, d.title]),
              48,
            ),
          );
      });
      return 0;
    },
  },
  show: {
    summary: 'show a stored document with its provisions and codes (--explain: the evidence of each code)',
    usage: 'DOC [--db FILE] [--explain] [--json]',
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { ...dbOption, json: { type: 'boolean' }, explain: { type: 'boolean' } },
      });
      if (positionals.length !== 1) throw new EntenteError('give one DOC (id, id prefix or file name)', 'show');
      await withDatabase(values.db, (db) => {
        const { doc, stored } = loadDoc(db, positionals[0]);
        if (values.json) console.log(JSON.stringify({ id: stored.id, ...toRecord(doc, stored.name) }, null, 2));
        else console.log(`${stored.id}  ${formatRecord(doc, { explain: values.explain ?? false })}`);
      });
      return 0;
    },
  },
  reanalyze: {
    summary: 'run the current analysis again on stored documents (all, or the ones named); corrections are kept',
    usage: '[DOC...] [--db FILE] [--gazetteer FILE]...',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...dbOption, gazetteer: { type: 'string', multiple: true } } });
      await withDatabase(values.db, (db) => {
        const ids = positionals.length ? positionals.map((r) => findDocument(db, r).id) : listDocuments(db).map((d) => d.id);
        const context = contextFor(values.db, values.gazetteer ?? []);
        let orphaned = 0;
        for (const id of ids) {
          const t = documentText(db, id);
          const doc = analyzeText(t.text, { path: t.path, format: t.format as never, encoding: t.encoding, hints: {} }, context);
          orphaned += replaceAnalysis(db, id, doc).orphaned;
        }
        console.log(`re-analysed ${ids.length} document(s)${orphaned ? `; ${orphaned} correction(s) no longer match a provision and are kept aside` : ''}`);
      });
      return 0;
    },
  },
  search: {
    summary: 'search provisions: words, "phrases", prefix*, AND/OR/NOT, with filters and facets',
    usage:
      'QUERY [--act A]... [--holder H]... [--entity E]... [--topic T]... [--language L] [--doc DOC] [--party P] [--from DATE] [--to DATE] [--limit N] [--offset N] [--facets] [--kwic] [--json] [--db FILE]',
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          ...dbOption,
          json: { type: 'boolean' },
          facets: { type: 'boolean' },
          kwic: { type: 'boolean' },
          act: { type: 'string', multiple: true },
          holder: { type: 'string', multiple: true },
          entity: { type: 'string', multiple: true },
          topic: { type: 'string', multiple: true },
          language: { type: 'string' },
          doc: { type: 'string' },
          party: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          limit: { type: 'string', default: '20' },
          offset: { type: 'string', default: '0' },
        },
      });
      await withDatabase(values.db, (db) => {
        const doc = values.doc ? findDocument(db, values.doc).id : undefined;
        const result = search(db, { ...values, doc, query: positionals.join(' '), limit: Number(values.limit), offset: Number(values.offset) });
        if (values.json) {
          console.log(JSON.stringify(result, null, 2));
          return 0;
        }
        console.log(
          `${result.total} provision(s)${result.total > result.hits.length ? `, showing ${values.offset}–${Number(values.offset) + result.hits.length}` : ''}`,
        );
        for (const h of result.hits) {
          if (values.kwic && h.kwic.length) {
            for (const k of h.kwic) console.log(`${k.left.padStart(52)} [${k.keyword}] ${k.right}   (${h.docName}#${h.index})`);
            continue;
          }
          console.log(`\n${h.date ?? '—'}  ${h.docName}#${h.index}  ${h.codes.acts.join(',')} | ${h.codes.holders.join(',')} | ${h.codes.topics.join(',')}`);
          console.log(`  ${markSpans(h.text, h.highlights)}`);
        }
        if (result.facets)
          for (const [name, values] of Object.entries(result.facets))
            if (values.length) console.log(`\n${name}: ${values.map((v) => `${v.value} (${v.count})`).join(', ')}`);
      });
      return 0;
    },
  },
  entities: {
    summary: 'list the entities mentioned in the database with counts (--unknown: names no entry covers)',
    usage: '[--unknown] [--limit N] [--json] [--db FILE]',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: { ...dbOption, json: { type: 'boolean' }, unknown: { type: 'boolean' }, limit: { type: 'string', default: '50' } },
      });
      await withDatabase(values.db, (db) => {
        if (values.unknown) {
          const names = unknownNames(db, Number(values.limit));
          if (values.json) console.log(JSON.stringify(names, null, 2));
          else
            console.log(
              table(
                ['name', 'count', 'docs', 'example'],
                names.map((n) => [n.name, n.count, n.documents, n.example]),
                70,
              ),
            );
        } else {
          const counts = entityCounts(db).slice(0, Number(values.limit));
          if (values.json) console.log(JSON.stringify(counts, null, 2));
          else
            console.log(
              table(
                ['id', 'type', 'name', 'mentions', 'provisions', 'docs'],
                counts.map((c) => [c.id, c.type, c.name, c.mentions, c.provisions, c.documents]),
                50,
              ),
            );
        }
      });
      return 0;
    },
  },
  topics: {
    summary: 'count provisions per topic, per document and overall',
    usage: '[--json] [--db FILE]',
    async run(args) {
      const { values } = parseArgs({ args, options: { ...dbOption, json: { type: 'boolean' } } });
      await withDatabase(values.db, (db) => {
        const counts = topicCounts(db);
        if (values.json) console.log(JSON.stringify(counts, null, 2));
        else {
          console.log(
            table(
              ['topic', 'provisions'],
              counts.overall.map((t) => [t.topic, t.provisions]),
            ),
          );
          console.log('');
          console.log(
            table(
              ['document', 'date', 'topics'],
              counts.documents.map((d) => [
                d.name,
                d.date,
                Object.entries(d.topics)
                  .map(([t, n]) => `${t} ${n}`)
                  .join(', '),
              ]),
              110,
            ),
          );
        }
      });
      return 0;
    },
  },
  diff: {
    summary: 'compare two stored documents: kept, reworded (word-level diff), added, dropped, moved provisions and code changes',
    usage: 'A B [--json] [--db FILE]',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...dbOption, json: { type: 'boolean' } } });
      if (positionals.length !== 2) throw new EntenteError('give two documents A and B (id, id prefix or file name)', 'diff');
      await withDatabase(values.db, (db) => {
        const cmp = compareStored(db, positionals[0], positionals[1]);
        if (values.json) console.log(JSON.stringify(cmp, null, 2));
        else printComparison(db, cmp);
      });
      return 0;
    },
  },
  new: {
    summary: 'what is new in a document: provisions that match nothing in earlier documents of the same parties',
    usage: 'DOC [--json] [--db FILE]',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...dbOption, json: { type: 'boolean' } } });
      if (positionals.length !== 1) throw new EntenteError('give one DOC', 'new');
      await withDatabase(values.db, (db) => {
        const result = whatIsNew(db, positionals[0]);
        if (values.json) console.log(JSON.stringify(result, null, 2));
        else {
          console.log(
            `${result.provisions.length} new provision(s) in ${result.document.name}, against ${result.earlier} earlier document(s) of the same parties`,
          );
          for (const p of result.provisions) console.log(`  [${p.index}] ${p.text}`);
        }
      });
      return 0;
    },
  },
  positions: {
    summary:
      'recurring positions: the same side (support/oppose) on the same target in similar wording across documents; --act support|oppose picks the side, another act the positions stated with it (ID: one position in full)',
    usage: '[ID] [--entity ID] [--topic T] [--act A] [--limit N] [--rebuild] [--json] [--db FILE]',
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          ...dbOption,
          json: { type: 'boolean' },
          rebuild: { type: 'boolean' },
          entity: { type: 'string' },
          topic: { type: 'string' },
          act: { type: 'string' },
          limit: { type: 'string', default: '30' },
        },
      });
      await withDatabase(values.db, (db) => {
        if (values.rebuild) {
          const t0 = Date.now();
          const built = buildPositions(db);
          console.error(
            `built ${built.positions} positions over ${built.provisions} provisions (${built.pairs} comparisons) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
          );
        }
        if (positionals.length) {
          const detail = getPosition(db, Number(positionals[0]), { limit: -1 });
          if (!detail) throw new EntenteError(`no position ${positionals[0]}`, 'positions', 'run "entente positions" for the list');
          if (values.json) console.log(JSON.stringify(detail, null, 2));
          else {
            console.log(
              `position ${detail.id}: ${detail.act} · ${detail.target} · ${detail.firstSeen ?? '—'} → ${detail.lastSeen ?? '—'} · ${detail.documents} documents`,
            );
            for (const m of detail.members) console.log(`  ${m.date ?? '—'}  ${m.docName}#${m.index}  ${m.text}`);
            console.log('\nwording variants:');
            for (const v of detail.variants)
              console.log(
                `  ×${v.count} ${v.diff.length ? v.diff.map((d) => (d.op === 'equal' ? d.text : d.op === 'delete' ? `[-${d.text}-]` : `{+${d.text}+}`)).join('') : v.text}`,
              );
          }
          return 0;
        }
        const list = listPositions(db, { ...values, limit: Number(values.limit) });
        if (values.json) console.log(JSON.stringify(list, null, 2));
        else {
          console.log(`${list.total} position(s)`);
          console.log(
            table(
              ['id', 'act', 'target', 'first', 'last', 'docs', 'prov.', 'wording'],
              list.positions.map((p) => [p.id, p.act, p.target, p.firstSeen, p.lastSeen, p.documents, p.provisions, p.label]),
              60,
            ),
          );
        }
      });
      return 0;
    },
  },
  timeline: {
    summary: 'provision counts per document date for an entity, topic, act or holder, broken down by act (or --by)',
    usage: '[--entity ID] [--topic T] [--act A] [--holder H] [--by act|topic|entity|holder] [--json] [--db FILE]',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: {
          ...dbOption,
          json: { type: 'boolean' },
          entity: { type: 'string' },
          topic: { type: 'string' },
          act: { type: 'string' },
          holder: { type: 'string' },
          by: { type: 'string', default: 'act' },
        },
      });
      if (!['act', 'topic', 'entity', 'holder'].includes(values.by))
        throw new EntenteError(`cannot break down by "${values.by}"`, 'timeline', 'use --by act, topic, entity or holder');
      await withDatabase(values.db, (db) => {
        const rows = timeline(db, values, values.by as 'act');
        if (values.json) console.log(JSON.stringify(rows, null, 2));
        else
          console.log(
            table(
              ['date', 'document', 'provisions', `by ${values.by}`],
              rows.map((r) => [
                r.date,
                r.name,
                r.provisions,
                Object.entries(r.counts)
                  .map(([k, n]) => `${k} ${n}`)
                  .join(', '),
              ]),
              80,
            ),
          );
      });
      return 0;
    },
  },
  serve: {
    summary: 'serve the JSON API (/api/) and the web UI; loopback only unless --host says otherwise',
    usage: '[--db FILE] [--port N] [--host 127.0.0.1] [--workers N] [--no-cache]',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: {
          ...dbOption,
          port: { type: 'string', default: '8417' },
          host: { type: 'string', default: '127.0.0.1' },
          workers: { type: 'string', default: '1' },
          'no-cache': { type: 'boolean' },
          gazetteer: { type: 'string', multiple: true },
        },
      });
      const port = Number(values.port);
      const workers = Number(values.workers);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EntenteError(`"${values.port}" is not a port number`, 'serve', 'give --port 0-65535');
      if (!Number.isInteger(workers) || workers < 1 || workers > 64)
        throw new EntenteError(`"${values.workers}" is not a number of workers`, 'serve', 'give --workers 1-64');
      openDatabase(values.db, { mustExist: true }).close();
      const cluster = (await import('node:cluster')).default;
      if (workers > 1 && cluster.isPrimary) {
        // Several processes share the port; each has its own connection (SQLite in WAL mode serves them all).
        for (let i = 0; i < workers; i++) cluster.fork();
        console.log(`Entente is serving ${values.db} at http://${values.host}:${port}/ with ${workers} worker processes`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        return 0;
      }
      const db = openDatabase(values.db, { mustExist: true });
      db.pragma('busy_timeout = 5000');
      const server = await startServer(db, {
        host: values.host,
        port,
        context: contextFor(values.db, values.gazetteer ?? []),
        noCache: values['no-cache'],
      }).catch((err: Error) => {
        throw new EntenteError(`cannot listen on ${values.host}:${port} (${err.message})`, 'serve', 'choose another --port');
      });
      if (cluster.isPrimary)
        console.log(
          `Entente is serving ${values.db} at ${server.url} (API: ${server.url}api/openapi.json)${values.host === '127.0.0.1' || values.host === 'localhost' ? '' : ' — reads need a token off loopback'}`,
        );
      await new Promise<void>((resolve) => {
        const stop = () => (server.close(), db.close(), resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    },
  },
  token: {
    summary: 'create a write token for an analyst: "entente token create NAME"',
    usage: 'create NAME [--db FILE]',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...dbOption } });
      if (positionals[0] !== 'create' || positionals.length !== 2) throw new EntenteError('usage: entente token create NAME', 'token');
      await withDatabase(values.db, (db) => {
        const token = createToken(db, positionals[1]);
        console.log(token);
        console.error(`token for "${positionals[1]}": keep it, it is shown only once. Send it as "Authorization: Bearer TOKEN".`);
      });
      return 0;
    },
  },
  eval: {
    summary: 'score the analysis of a corpus against hand-coded gold files (gold-format.md); --db also scores the stored copies with corrections',
    usage: 'GOLD_DIR CORPUS_DIR [--db FILE] [--json] [--details]',
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, details: { type: 'boolean' }, db: { type: 'string' } },
      });
      if (positionals.length !== 2) throw new EntenteError('give GOLD_DIR and CORPUS_DIR', 'eval', 'entente eval ../shared/gold/seeds ../shared/corpus/seeds');
      const db = values.db ? openDatabase(values.db, { mustExist: true }) : undefined;
      try {
        const result = await evaluate(positionals[0], positionals[1], undefined, db);
        if (values.json) console.log(JSON.stringify(values.details ? result : { machine: result.scores, corrected: result.corrected }, null, 2));
        else {
          console.log(formatScores(result.scores));
          if (result.corrected)
            console.log(
              `\nwith corrections (${result.corrected.documentsFound} of ${result.corrected.documents} documents found in ${values.db}):\n${formatScores(result.corrected)}`,
            );
        }
      } finally {
        db?.close();
      }
      return 0;
    },
  },
  demo: {
    summary: 'ingest the sample corpus into a database, show what was stored, then serve the workbench (--no-serve: stop after showing)',
    usage: '[--db FILE] [--port N] [--no-serve]',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: { db: { type: 'string', default: 'entente-demo.db' }, port: { type: 'string', default: '8417' }, 'no-serve': { type: 'boolean' } },
      });
      if (!existsSync(SAMPLE_CORPUS)) throw new EntenteError('the sample corpus is missing', SAMPLE_CORPUS);
      const summary = await runIngest(values.db, [SAMPLE_CORPUS], []);
      printSummary(summary, values.db);
      console.log('');
      await COMMANDS.list.run(['--db', values.db]);
      console.log('');
      await COMMANDS.topics.run(['--db', values.db]);
      if (summary.failed) return 1;
      if (values['no-serve']) return 0;
      console.log('');
      return COMMANDS.serve.run(['--db', values.db, '--port', values.port]);
    },
  },
};
