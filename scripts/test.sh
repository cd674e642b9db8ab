#!/usr/bin/env bash
# The test command of the README: installs what is missing, type-checks, then runs every test file.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
npx --no-install tsc --noEmit
exec node --import tsx --test --test-reporter=spec test/*.test.ts
