/**
 * Prints every position found in corpus directories (default: the shared seed corpus), with its
 * members as doc#index and the start of their text: `node --import tsx scripts/positions-report.ts [dir...] [--all] [--copies N]`.
 * `--all` also lists every position-taking provision left out of a group, to look for misses.
 * `--copies N` ingests each text N times with distinct closing lines: the groups should be the
 * same, each with N times the documents.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../src/analyze/pipeline.ts';
import { normalizeText } from '../src/core/normalize.ts';
import { openDatabase } from '../src/store/database.ts';
import { saveDocument } from '../src/store/documents.ts';
import { buildPositions, getPosition, listPositions } from '../src/query/positions.ts';

const args = process.argv.slice(2);
const copiesAt = args.indexOf('--copies');
const copies = copiesAt >= 0 ? Number(args[copiesAt + 1]) : 1;
const dirs = args.filter((a, i) => !a.startsWith('--') && (copiesAt < 0 || i !== copiesAt + 1));
if (!dirs.length) dirs.push(fileURLToPath(new URL('../../shared/corpus/seeds', import.meta.url)));
const db = openDatabase(':memory:');
for (let k = 0; k < copies; k++)
  for (const dir of dirs)
    for (const f of readdirSync(dir).sort()) {
      const text = normalizeText(readFileSync(path.join(dir, f), 'utf8')) + (k ? `\n\n(copie ${k})` : '');
      saveDocument(db, analyzeText(text, { path: k ? `${f}-${k}` : f, format: 'text', encoding: 'utf-8', hints: {} }));
    }
const t0 = performance.now();
const built = buildPositions(db);
console.log(`${built.positions} positions, ${built.provisions} provisions, ${built.pairs} comparisons, ${(performance.now() - t0).toFixed(0)} ms\n`);
const short = (doc: string) => doc.slice(0, 3);
const grouped = new Set<number>();
for (const p of listPositions(db, { limit: 1000 }).positions) {
  const d = getPosition(db, p.id)!;
  console.log(`[${p.id}] ${p.act} · ${p.target || '—'} · ${p.documents} docs ${p.firstSeen}…${p.lastSeen} · entities ${p.entities.join(',')}`);
  console.log(`     label: ${p.label.slice(0, 140)}`);
  for (const m of d.members) {
    grouped.add(m.provisionId);
    console.log(`   ${short(m.docName)}#${m.index} ${m.date ?? '----'}  ${m.text.slice(0, 130)}`);
  }
}
if (args.includes('--all')) {
  console.log('\nposition-taking provisions in no group:');
  const rows = db
    .prepare(
      `SELECT p.id, d.name, p.idx, p.text, (SELECT group_concat(label) FROM codes c WHERE c.provision_id = p.id AND c.kind = 'act') AS acts
         FROM provisions p JOIN documents d ON d.id = p.doc_id ORDER BY d.name, p.idx`,
    )
    .all() as { id: number; name: string; idx: number; text: string; acts: string | null }[];
  for (const r of rows) if (!grouped.has(r.id)) console.log(`   ${short(r.name)}#${r.idx} [${r.acts ?? ''}] ${r.text.slice(0, 150)}`);
}
