#!/usr/bin/env node
// Entry point: runs the CLI from its build (dist/entente.mjs, made by scripts/build.js), built
// again first if any source file is newer; from the TypeScript sources through tsx if it cannot be.
import { currentBuild } from '../scripts/build.js';
// Output piped into a command that stops reading (`| head`) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const built = process.env.ENTENTE_FROM_SOURCES ? null : await currentBuild('cli');
let main;
if (built) ({ main } = await import(built));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
