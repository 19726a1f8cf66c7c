import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealServer } from '../e2e/support/server.js';
import { approveAsPerson } from './support/approve.js';
import { expectConsentRecipeOutput } from './support/expectations.js';
import { recipeEnv, recipeFile, ROOT, startRecipeServer } from './support/recipe-server.js';
import { recipeFor } from './support/readme-recipes.js';
import { runRecipe } from './support/run-recipe.js';
import { missingTools, skipWithout } from './support/tools.js';

const missing = missingTools(['npx'], { 'tsx (npm ci)': [process.execPath, '-e', "require.resolve('tsx')"] });

describe.skipIf(skipWithout('typescript consent', missing))("the README's TypeScript (fetch) consent recipe", () => {
  let server: RealServer;
  beforeAll(async () => {
    server = await startRecipeServer();
  });
  afterAll(() => server?.stop());

  it('has npx tsx to run with', () => {
    expect(missing).toEqual([]);
  });

  it('prints the consent link, takes the code at "Auth code:", gets a key and lists five documents', async () => {
    // Outside the repository, as a newcomer's onboard.mts would be; `npx tsx onboard.mts` as the README says.
    const script = await recipeFile('onboard.mts', recipeFor('typescript-consent', server.url));

    const run = await runRecipe('npx', ['tsx', script], {
      cwd: ROOT,
      env: recipeEnv(),
      onConsentUrl: (url) => approveAsPerson(server.url, url),
    });

    expectConsentRecipeOutput(run, server.url);
  });

  it('type-checks under strict TypeScript with only @types/node', async () => {
    const script = await recipeFile('onboard.mts', recipeFor('typescript-consent', server.url));
    const types = join(ROOT, 'node_modules/@types');

    const run = await runRecipe(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--skipLibCheck', '--typeRoots', types, '--types', 'node', script],
      { cwd: ROOT, env: recipeEnv() },
    );

    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  });
});
