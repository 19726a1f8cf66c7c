import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The arguments `npm start` gives node (package.json is the one place they are written), with the
 * script made absolute: the tests and the bench start the server exactly as a person does, V8 flags
 * included.
 */
export function startArgs(): string[] {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const match = /^exec node ((?:--[a-z0-9-]+(?:=\S+)? )*)(\S+\.mjs)$/.exec(script);
  if (!match) throw new Error(`package.json's start script has an unexpected shape: ${script}`);
  return [...match[1]!.split(' ').filter(Boolean), join(ROOT, match[2]!)];
}
