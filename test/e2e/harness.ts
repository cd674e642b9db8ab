// The end-to-end test's fixtures: a temporary database with the sample corpus, a token, the
// built web UI, the server in-process on a free port, and Debian's Chromium through playwright-core.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expandInputs, ingestFiles } from '../../src/ingest/ingest.ts';
import { openDatabase, type Db } from '../../src/store/database.ts';
import { createToken } from '../../src/store/corrections.ts';
import { startServer, WEB_DIST } from '../../src/server/serve.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = path.join(ROOT, 'examples/corpus');
export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
export const CHROMIUM = process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Newest modification time under a folder (files only). */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

/** Builds the web UI (`npm run build:web`) when web/dist is missing or older than its sources. */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(
    newest(path.join(ROOT, 'web/src')),
    statSync(path.join(ROOT, 'web/index.html')).mtimeMs,
    statSync(path.join(ROOT, 'web/vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(index)) throw new Error('npm run build:web did not produce web/dist/index.html');
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser tests need it. Install it with "apt-get update && apt-get install -y chromium" (or set ENTENTE_CHROMIUM to a Chromium binary).`,
    );
}

export interface Fixture {
  url: string;
  token: string;
  db: Db;
  browser: Browser;
  stop: () => Promise<void>;
}

/** Everything the test needs, started; `stop` undoes it all. */
export async function startFixture(): Promise<Fixture> {
  requireChromium();
  ensureWebBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-e2e-'));
  const db = openDatabase(path.join(dir, 'e2e.db'));
  let server: { url: string; close: () => void } | null = null;
  let browser: Browser | null = null;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    server?.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const summary = await ingestFiles(db, expandInputs([CORPUS]), { extraGazetteers: [] });
    if (summary.failed || !summary.added)
      throw new Error(`the sample corpus did not ingest: ${JSON.stringify(summary.outcomes.filter((o) => o.status === 'failed'))}`);
    const token = createToken(db, 'e2e-analyst');
    server = await startServer(db, { host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 20_000 });
    return { url: server.url.replace(/\/$/, ''), token, db, browser, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A page that records script errors and failed API calls, so the test can assert there were none. */
export async function openPage(browser: Browser, width = 1280, height = 860): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 400/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { page, errors };
}

/** Writes docs/screenshots/NAME.png when ENTENTE_SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.ENTENTE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
