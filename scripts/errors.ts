// Error analysis: prints each gold provision whose codes differ from the analysis.
// Usage: node --import tsx scripts/errors.ts GOLD_DIR CORPUS_DIR [field]
import { evaluate } from '../src/eval/evaluate.ts';
import { alignProvisions } from '../src/eval/score.ts';

const [goldDir, corpusDir, field = 'acts'] = process.argv.slice(2);
const result = await evaluate(goldDir, corpusDir);
for (const d of result.documents) {
  const pairs = alignProvisions(
    d.gold.provisions.map((p) => p.text),
    d.record.provisions.map((p) => p.text),
  );
  for (const [gi, ri] of pairs) {
    const g = d.gold.provisions[gi] as Record<string, unknown>;
    const r = d.record.provisions[ri] as Record<string, unknown>;
    const gs = [...((g[field] as string[]) ?? [])].sort().join(',');
    const rs = [...((r[field] as string[]) ?? [])].sort().join(',');
    if (gs !== rs) console.log(`${d.file}#${ri} gold=${gs} got=${rs} | ${String(g.text).slice(0, 170)}`);
  }
}
