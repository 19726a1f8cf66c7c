import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRealServer, type RealServer } from '../../e2e/support/server.js';

export const ROOT = new URL('../../../', import.meta.url).pathname;

/** The real server on a free port; bootstraps generous enough for a test run. */
export function startRecipeServer(): Promise<RealServer> {
  return startRealServer({ BOOTSTRAP_RATE_LIMIT: '1000' });
}

/** Writes a recipe to a fresh temporary directory, under the file name the README tells people to use. */
export async function recipeFile(fileName: string, code: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flowie-recipe-'));
  const file = join(dir, fileName);
  await writeFile(file, code);
  return file;
}

/** The environment recipes run in: ours, with proxies kept away from the local server. */
export const recipeEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NO_PROXY: '127.0.0.1,localhost',
  no_proxy: '127.0.0.1,localhost',
  PYTHONDONTWRITEBYTECODE: '1',
});
