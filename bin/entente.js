#!/usr/bin/env node
// Entry point: registers the TypeScript loader, then hands over to the CLI.
import { register } from 'tsx/esm/api';
register();
// Output piped into a command that stops reading (`| head`) is not an error.
process.stdout.on('error', (err) => { if (err.code === 'EPIPE') process.exit(0); throw err; });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
