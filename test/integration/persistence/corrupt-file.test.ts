import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError, openDb } from '../../../bff/store/db.js';

const dataFileWith = async (content: string) => {
  const file = join(await mkdtemp(join(tmpdir(), 'flowie-corrupt-')), 'exchange.json');
  await writeFile(file, content);
  return file;
};

describe('a data file that cannot be used stops start-up and is left as it was', () => {
  it.each([
    ['is not JSON', '{"version": 1, "users": [ {'],
    ['is JSON of another shape', '{"hello": "world"}\n'],
    ['lacks a collection', JSON.stringify({ version: 1, users: [] })],
    ['is a JSON array', '[]'],
  ])('openDb rejects with a DataFileError naming the file when it %s, and leaves it byte-identical', async (_label, content) => {
    const file = await dataFileWith(content);
    const before = await readFile(file);

    const opening = openDb(file);

    await expect(opening).rejects.toBeInstanceOf(DataFileError);
    await expect(opening).rejects.toThrow(file);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('starts empty on a data file that does not exist yet, creating its folder, and opens it again', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'flowie-new-')), 'nested', 'exchange.json');

    const db = await openDb(file);
    await db.close();
    const again = await openDb(file);
    await again.close();

    expect(db.data.users).toEqual([]);
    expect(again.data.apiKeys).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toBeTypeOf('object');
  });
});
