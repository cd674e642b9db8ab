import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The Entente web UI: Preact with Vite's built-in (oxc) JSX transform, built into web/dist and
// served by `entente serve` (assets under /assets/, index.html for every other non-/api path).
// `npm run dev:web` proxies /api to a running `entente serve` (ENTENTE_API, default port 8417).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': process.env.ENTENTE_API ?? 'http://127.0.0.1:8417' } },
});
