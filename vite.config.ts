import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const bffTarget = `http://127.0.0.1:${process.env.PORT ?? '8787'}`;

/**
 * react-router publishes a production build next to the development one, but its package exports
 * only ever point at the development build (dev-only warnings included). Production bundles use the
 * other one; the code is the same apart from those warnings.
 */
const reactRouterProduction = join(
  dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist/production/index.mjs',
);

// The SPA lives in web/ and is built to dist/web, which the BFF serves in production.
export default defineConfig(({ command }) => ({
  root: 'web',
  plugins: [react()],
  resolve: {
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      // Host is passed through unchanged, so the BFF's Origin check sees the page's own origin.
      '/bff': { target: bffTarget },
      '/v1': { target: bffTarget },
      '/exchange': { target: bffTarget },
      '/healthz': { target: bffTarget },
    },
  },
}));
