import { spawnSync } from 'node:child_process';

/** As test/e2e does: any CI value but "false" means a missing tool fails the run. */
export const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false';

/** Which of these commands cannot be run here (`command -v`), plus any extra checks that fail. */
export function missingTools(commands: string[], checks: Record<string, string[]> = {}): string[] {
  const missing = commands.filter((c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status !== 0);
  for (const [name, argv] of Object.entries(checks)) {
    if (spawnSync(argv[0]!, argv.slice(1), { stdio: 'ignore' }).status !== 0) missing.push(name);
  }
  return missing;
}

/**
 * True when the recipe tests must be skipped: a tool is missing and we are not in CI. Says so
 * loudly on stderr; in CI nothing is skipped, so the run fails on the missing tool instead.
 */
export function skipWithout(recipe: string, missing: string[]): boolean {
  if (missing.length === 0) return false;
  const line = IN_CI
    ? `RECIPE TESTS FAIL (${recipe}): CI is set and ${missing.join(', ')} is missing`
    : `RECIPE TESTS SKIPPED (${recipe}): missing ${missing.join(', ')}`;
  process.stderr.write(`\n${'!'.repeat(line.length)}\n${line}\n${'!'.repeat(line.length)}\n\n`);
  return !IN_CI;
}
