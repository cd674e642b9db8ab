import path from 'node:path';
import { existsSync } from 'node:fs';
import type { AnalysisContext } from '../analyze/stage.ts';

/** User gazetteer next to the database: `<db folder>/entente-gazetteer.tsv`. */
export const LOCAL_GAZETTEER = 'entente-gazetteer.tsv';

/** The analysis context of a command: user gazetteers given by option or found next to the database. */
export function contextFor(dbFile: string | undefined, gazetteers: string[]): AnalysisContext {
  const extra = [...gazetteers];
  if (dbFile && dbFile !== ':memory:') {
    const local = path.join(path.dirname(path.resolve(dbFile)), LOCAL_GAZETTEER);
    if (existsSync(local)) extra.push(local);
  }
  return { extraGazetteers: extra };
}
