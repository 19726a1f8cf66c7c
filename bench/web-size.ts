/**
 * Gzip size of the JavaScript a browser fetches to show the consent page, next to a bare Vite + React
 * template built with this repo's own vite/react (no downloads).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface JsSize {
  gzipBytes: number;
  files: string[];
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Entry script + modulepreload links of index.html, plus any chunk named after the consent route. */
export function consentRouteJs(distDir: string): JsSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(m[1]!);
  const assets = join(distDir, 'assets');
  for (const name of existsSync(assets) ? readdirSync(assets) : []) {
    if (/consent/i.test(name) && name.endsWith('.js')) urls.add(`/assets/${name}`);
  }
  const files = [...urls].map((u) => join(distDir, u.replace(/^\//, '')));
  return { gzipBytes: files.reduce((sum, f) => sum + gz(f), 0), files: files.map((f) => f.slice(distDir.length + 1)) };
}

/** Builds dist/web the way `npm start` does; undefined when the web app cannot be built right now. */
export function buildApp(): JsSize | { error: string } {
  const result = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) return { error: (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ') };
  try {
    return consentRouteJs(join(ROOT, 'dist/web'));
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** A minimal main.tsx rendering <h1>, built by the repo's vite + plugin-react from a temp dir. */
export function buildBaseline(): JsSize | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'flowie-bench-vite-'));
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n');
    writeFileSync(
      join(dir, 'src/main.tsx'),
      "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\n" +
        "createRoot(document.getElementById('root')!).render(<StrictMode><h1>Hello</h1></StrictMode>);\n",
    );
    writeFileSync(
      join(dir, 'vite.config.mjs'),
      "import react from '@vitejs/plugin-react';\nexport default { plugins: [react()], logLevel: 'warn', build: { outDir: 'dist' } };\n",
    );
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.mjs'], { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) return { error: (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ') };
    return consentRouteJs(join(dir, 'dist'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
