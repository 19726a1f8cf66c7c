import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealServer } from '../e2e/support/server.js';
import { approveAsPerson } from './support/approve.js';
import { expectConsentRecipeOutput } from './support/expectations.js';
import { recipeEnv, recipeFile, startRecipeServer } from './support/recipe-server.js';
import { recipeFor } from './support/readme-recipes.js';
import { runRecipe } from './support/run-recipe.js';
import { missingTools, skipWithout } from './support/tools.js';

// Debian's python3 with python3-httpx; a python3 earlier on PATH (pyenv) may lack httpx.
const PYTHON = '/usr/bin/python3';
const missing = missingTools([], { [`${PYTHON} with httpx (apt-get install python3-httpx)`]: [PYTHON, '-c', 'import httpx'] });

describe.skipIf(skipWithout('python consent', missing))("the README's Python (httpx) consent recipe", () => {
  let server: RealServer;
  beforeAll(async () => {
    server = await startRecipeServer();
  });
  afterAll(() => server?.stop());

  it('has /usr/bin/python3 with httpx to run with', () => {
    expect(missing).toEqual([]);
  });

  it('prints the consent link, takes the code at "Auth code:", gets a key and lists five documents', async () => {
    const script = await recipeFile('onboard.py', recipeFor('python-consent', server.url));

    const run = await runRecipe(PYTHON, [script], { env: recipeEnv(), onConsentUrl: (url) => approveAsPerson(server.url, url) });

    expectConsentRecipeOutput(run, server.url);
  });
});
