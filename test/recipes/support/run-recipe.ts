import { spawn } from 'node:child_process';

export interface RecipeRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  consentUrl: string | undefined;
}

const CONSENT_URL = /(https?:\/\/\S+\/consent\/[A-Za-z0-9_-]+)/;

/**
 * Runs a recipe as a person at a terminal would: when it prints a consent URL, `onConsentUrl`
 * plays the person and returns the code, which is typed on stdin. Kills the recipe after `timeoutMs`.
 */
export function runRecipe(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; onConsentUrl?: (url: string) => Promise<string> } = {},
): Promise<RecipeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let consentUrl: string | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);

    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      if (consentUrl !== undefined) return;
      const match = CONSENT_URL.exec(stdout);
      if (!match) {
        // "Open: null" and the like: no link to approve, so no code will come; let the read fail now.
        if (/^Open: .*\n/m.test(stdout)) child.stdin.end();
        return;
      }
      consentUrl = match[1]!;
      if (!options.onConsentUrl) return;
      options.onConsentUrl(consentUrl).then(
        (code) => child.stdin.end(`${code}\n`),
        (error: unknown) => {
          stderr += `\n[test] approving failed: ${String(error)}\n`;
          child.kill('SIGKILL');
        },
      );
    });
    child.stdin.on('error', () => {}); // the recipe may exit before reading its code
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.once('error', reject);
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr, consentUrl });
    });
    if (!options.onConsentUrl) child.stdin.end();
  });
}
