import { expect } from 'vitest';
import type { RecipeRun } from './run-recipe.js';

/** What every consent recipe prints: the link, the key prefix and scope, then up to five documents. */
export function expectConsentRecipeOutput(run: RecipeRun, serverUrl: string): void {
  const output = `${run.stdout}\n--- stderr ---\n${run.stderr}`;
  expect(run.exitCode, output).toBe(0);
  expect(run.consentUrl, output).toMatch(new RegExp(`^${serverUrl}/consent/[A-Za-z0-9_-]+$`));
  expect(run.stdout).toMatch(/Got key prefix flw_test_\w+, scopes: documents\.read\n/);
  const documents = run.stdout.split('\n').filter((line) => /^(INV|CN)-\d{4}-\d{4} {2}(invoice|credit_note) {2}(sent|received) {2}-?\d+\.\d{2} EUR$/.test(line));
  expect(documents, output).toHaveLength(5);
}
