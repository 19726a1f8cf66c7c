import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapResponseSchema } from '../../shared/sandbox.js';
import type { RealServer } from '../e2e/support/server.js';
import { recipeEnv, recipeFile, startRecipeServer } from './support/recipe-server.js';
import { recipeFor } from './support/readme-recipes.js';
import { runRecipe } from './support/run-recipe.js';
import { missingTools, skipWithout } from './support/tools.js';

const missing = missingTools(['bash', 'curl', 'jq']);

describe.skipIf(skipWithout('sandbox bootstrap and revoke', missing))("the README's sandbox bootstrap and revoke recipes", () => {
  let server: RealServer;
  beforeAll(async () => {
    server = await startRecipeServer();
  });
  afterAll(() => server?.stop());

  it('has bash, curl and jq to run with', () => {
    expect(missing).toEqual([]);
  });

  it('bootstraps a sandbox and prints the response', async () => {
    const script = await recipeFile('bootstrap.sh', recipeFor('sandbox-bootstrap', server.url));

    const run = await runRecipe('bash', ['-eo', 'pipefail', script], { env: recipeEnv() });

    expect(run.exitCode, run.stderr).toBe(0);
    const body = bootstrapResponseSchema.parse(JSON.parse(run.stdout));
    expect(body.apiKey).toMatch(/^flw_test_/);
  });

  it('revokes the bootstrapped key when run after it in the same shell', async () => {
    const script = await recipeFile(
      'bootstrap-then-revoke.sh',
      recipeFor('sandbox-bootstrap', server.url) + recipeFor('revoke-key', server.url),
    );

    const run = await runRecipe('bash', ['-eo', 'pipefail', script], { env: recipeEnv() });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('DELETE answered 204\n');
    expect(run.stdout).toContain('{"error":"invalid_token","error_description":"the API key was revoked"}\n');
  });
});
