import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Db } from '../store/database.ts';
import type { AnalysisContext } from '../analyze/stage.ts';
import { createApp } from './app.ts';
import { projectPath } from '../core/paths.ts';

/** Where the built web UI lives (`npm run build:web`). */
export const WEB_DIST = projectPath('web', 'dist');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** The API plus the web UI: static assets, and index.html for every page route (deep links). */
export function createServerApp(db: Db, options: { host: string; context?: AnalysisContext; noCache?: boolean }) {
  const app = createApp({ db, tokenForReads: !LOOPBACK.has(options.host), context: options.context, noCache: options.noCache });
  if (existsSync(path.join(WEB_DIST, 'index.html'))) {
    const root = path.relative(process.cwd(), WEB_DIST) || '.';
    app.use('/assets/*', serveStatic({ root }));
    const index = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(index)));
  } else {
    app.get('/', (c) => c.text('The web UI is not built: run "npm run build:web". The API is under /api/ (see /api/openapi.json).'));
  }
  return app;
}

/** Starts the server; resolves with its URL once it listens. */
export function startServer(
  db: Db,
  options: { host: string; port: number; context?: AnalysisContext; noCache?: boolean },
): Promise<{ url: string; close: () => void }> {
  const app = createServerApp(db, options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${host}:${info.port}/`, close: () => server.close() });
    });
    server.on('error', reject);
  });
}
