import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const bffTarget = `http://127.0.0.1:${process.env.PORT ?? '8787'}`;

// The SPA lives in web/ and is built to dist/web, which the BFF serves in production.
export default defineConfig({
  root: 'web',
  plugins: [react()],
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
});
