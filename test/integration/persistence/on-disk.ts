import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Everything stored next to DATA_FILE (the file itself and any folder beside it), as one string.
 * Tests look for records here without depending on how the store lays them out.
 */
export async function everythingOnDisk(dataFile: string): Promise<string> {
  const entries = await readdir(dirname(dataFile), { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  return texts.join('\n');
}
