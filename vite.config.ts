import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
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

/**
 * react-router's dist creates its components with unannotated React.forwardRef(…) calls and then
 * sets their displayName, so the bundler must keep every one of them (Form, ScrollRestoration, …)
 * with everything they use, although the app renders none of them. Marking those calls pure and
 * leaving out the displayName (only React DevTools reads it) lets tree-shaking drop the unused ones.
 */
function reactRouterTreeShaking(): Plugin {
  return {
    name: 'react-router-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]react-router[\\/]dist[\\/]/ },
      handler(code) {
        const out = code
          .replace(/= (React\d*)\.forwardRef\(/g, '= /* @__PURE__ */ $1.forwardRef(')
          .replace(/^\w+\.displayName = "[^"]*";$/gm, '');
        return out === code ? null : { code: out, map: null };
      },
    },
  };
}

// The SPA lives in web/ and is built to dist/web, which the BFF serves in production.
export default defineConfig(({ command }) => ({
  root: 'web',
  plugins: [react(), reactRouterTreeShaking()],
  resolve: {
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // The polyfill only acts on <link rel=modulepreload>, and index.html has none: the lazy chunks are
    // fetched by Vite's preload helper, which falls back to rel=preload where modulepreload is missing.
    modulePreload: { polyfill: false },
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
