import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fromRepo = (path: string) => `${repoRoot}${path}`;

// The api serves the built app and /api on one origin; in dev and preview the proxy keeps that shape,
// so the session cookie and CSRF header behave exactly as in production.
const apiProxy = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    // The web may import only these two libs (Nx boundary scope:shared); everything else stays server-side.
    alias: {
      '@parley/contracts': fromRepo('libs/contracts/src/index.ts'),
      '@parley/domain': fromRepo('libs/domain/src/index.ts'),
    },
  },
  build: {
    outDir: fromRepo('dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
