import { EntenteError } from '../core/types.ts';
import { COMMANDS } from './commands.ts';
import { boundHeapGrowth } from '../core/heap.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { PROJECT_ROOT, projectPath } from '../core/paths.ts';

const USAGE = `entente — joint statements as a structured, searchable record

Usage: entente <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "entente <command> --help" for the options of a command, "entente --version" for the version.`;

/** The version, and what runs: the build (dist/entente.mjs) or the TypeScript sources. */
function versionLine(): string {
  const { version } = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string };
  const module = path.relative(PROJECT_ROOT, fileURLToPath(import.meta.url));
  return `entente ${version} (${module.endsWith('.ts') ? 'from the TypeScript sources' : `build ${module}`})`;
}

/** Runs one CLI command and returns the process exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  boundHeapGrowth();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v') {
    console.log(versionLine());
    return 0;
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
