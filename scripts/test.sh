#!/usr/bin/env bash
# The test command of the README: installs what is missing, type-checks, builds the CLI the CLI
# tests run and the web UI the browser tests open, then runs every test file with Node's test runner.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
npx --no-install tsc --noEmit
node scripts/build.js
npm run --silent build:web >/dev/null
exec node --import tsx --test --test-reporter=spec test/*.test.ts
