import { readFileSync } from 'node:fs';

const README = new URL('../../../README.md', import.meta.url);
/** The host the README's recipes are written against; tests swap it for their server's URL. */
export const README_HOST = 'http://localhost:8787';

/** The fenced block right after `<!-- recipe: name -->` in README.md, exactly as written. */
export function readmeRecipe(name: string): { language: string; code: string } {
  const readme = readFileSync(README, 'utf8');
  const marker = `<!-- recipe: ${name} -->`;
  const at = readme.indexOf(marker);
  if (at === -1) throw new Error(`README.md has no ${marker}`);
  const match = /^\s*```(\w+)\n([\s\S]*?)\n```/.exec(readme.slice(at + marker.length));
  if (!match) throw new Error(`${marker} is not followed by a fenced code block`);
  return { language: match[1]!, code: `${match[2]!}\n` };
}

/** The recipe with only the host changed (readme-facts checks the host is there to change). */
export function recipeFor(name: string, serverUrl: string): string {
  const { code } = readmeRecipe(name);
  return code.replaceAll(README_HOST, serverUrl);
}

export function readmeText(): string {
  return readFileSync(README, 'utf8');
}
