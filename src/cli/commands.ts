import { parseArgs } from 'node:util';
import { readStatementFile } from '../ingest/read-file.ts';
import { analyzeText, toRecord } from '../analyze/pipeline.ts';
import { evaluate, formatScores } from '../eval/evaluate.ts';
import { formatRecord } from './format.ts';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  analyze: {
    summary: 'analyse one file and print its analysis record, without touching the database',
    usage: 'FILE [--json] [--explain]',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, explain: { type: 'boolean' } } });
      if (positionals.length !== 1) throw new (await import('../core/types.ts')).EntenteError('give exactly one FILE', 'analyze', 'entente analyze statement.txt --json');
      const read = await readStatementFile(positionals[0]);
      const doc = analyzeText(read.text, read.source);
      if (values.json) console.log(JSON.stringify(toRecord(doc), null, 2));
      else console.log(formatRecord(doc, { explain: values.explain ?? false }));
      return 0;
    },
  },
  eval: {
    summary: 'score the analysis of a corpus against hand-coded gold files (gold-format.md)',
    usage: 'GOLD_DIR CORPUS_DIR [--json] [--details]',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, details: { type: 'boolean' } } });
      if (positionals.length !== 2) throw new (await import('../core/types.ts')).EntenteError('give GOLD_DIR and CORPUS_DIR', 'eval');
      const result = await evaluate(positionals[0], positionals[1]);
      if (values.json) console.log(JSON.stringify(values.details ? result : result.scores, null, 2));
      else console.log(formatScores(result.scores));
      return 0;
    },
  },
};
