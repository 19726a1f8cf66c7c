import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealServer } from '../e2e/support/server.js';
import { approveAsPerson } from './support/approve.js';
import { expectConsentRecipeOutput } from './support/expectations.js';
import { recipeEnv, recipeFile, startRecipeServer } from './support/recipe-server.js';
import { recipeFor } from './support/readme-recipes.js';
import { runRecipe } from './support/run-recipe.js';
import { missingTools, skipWithout } from './support/tools.js';

const missing = missingTools(['bash', 'curl', 'openssl', 'jq']);

describe.skipIf(skipWithout('curl consent', missing))("the README's curl consent recipe", () => {
  let server: RealServer;
  beforeAll(async () => {
    server = await startRecipeServer();
  });
  afterAll(() => server?.stop());

  it('has bash, curl, openssl and jq to run with', () => {
    expect(missing).toEqual([]);
  });

  it('prints the consent link, takes the code at "Auth code:", gets a key and lists five documents', async () => {
    const script = await recipeFile('consent.sh', recipeFor('curl-consent', server.url));

    // As the README says: saved as consent.sh, run with `bash consent.sh`.
    const run = await runRecipe('bash', [script], {
      env: recipeEnv(),
      onConsentUrl: (url) => approveAsPerson(server.url, url),
    });

    expectConsentRecipeOutput(run, server.url);
  });

  it('stops with the server\'s invalid_grant when the code typed in is wrong', async () => {
    const script = await recipeFile('consent.sh', recipeFor('curl-consent', server.url));

    const run = await runRecipe('bash', [script], { env: recipeEnv(), onConsentUrl: async () => 'not-the-code' });

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('token failed: {"error":"invalid_grant","error_description":"the authorization code is not recognised"}');
    expect(run.stdout).not.toContain('Got key prefix');
  });

  it('builds a challenge the server accepts every time (base64 translated, not deleted)', async () => {
    const recipe = recipeFor('curl-consent', server.url);
    // The recipe up to and including the authorize call: enough to see the server's verdict.
    const upToAuthorize = recipe.slice(0, recipe.indexOf('read -p'));
    const script = await recipeFile('authorize.sh', `${upToAuthorize}echo "$RESP"\n`);

    const runs = await Promise.all(Array.from({ length: 12 }, () => runRecipe('bash', ['-eo', 'pipefail', script], { env: recipeEnv() })));

    for (const run of runs) expect(run.stdout, run.stderr).toContain('"consent_url"');
  });
});
