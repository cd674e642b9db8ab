import { EntenteError } from '../core/types.ts';
import { COMMANDS } from './commands.ts';
import { boundHeapGrowth } from '../core/heap.ts';

const USAGE = `entente — joint statements as a structured, searchable record

Usage: entente <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "entente <command> --help" for the options of a command.`;

/** Runs one CLI command and returns the process exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  boundHeapGrowth();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`entente: unknown command "${name}". Run "entente --help" for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`entente ${name} ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof EntenteError) {
      console.error(`entente ${name}: ${err.describe()}`);
      return 1;
    }
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`entente ${name}: ${err.message}. Usage: entente ${name} ${command.usage}`);
      return 2;
    }
    console.error(`entente ${name}: unexpected error: ${(err as Error).stack ?? err}`);
    return 1;
  }
}
