import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOGGER = fileURLToPath(new URL('../../bff/logger.ts', import.meta.url));

/** Runs `body` in a fresh node process with the real standard-output logger; counts write(2) calls on fd 1. */
function run(body: string) {
  const script = `
    import fs from 'node:fs';
    const writeSync = fs.writeSync;
    let writes = 0;
    fs.writeSync = (fd, ...rest) => { if (fd === 1) writes++; return writeSync(fd, ...rest); };
    process.on('exit', () => { process.stderr.write('writes=' + writes); });
    const { createLogger } = await import(${JSON.stringify(LOGGER)});
    const log = createLogger('info');
    ${body}
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  const lines = child.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { msg: string });
  return { msgs: lines.map((l) => l.msg), writes: Number(/writes=(\d+)/.exec(child.stderr)?.[1]), status: child.status };
}

describe('the log on standard output', () => {
  it('writes the lines of one event-loop turn in one write, each turn before the next one starts', () => {
    const { msgs, writes } = run(`
      for (let i = 0; i < 50; i++) log.info('first turn ' + i);
      setImmediate(() => setImmediate(() => log.info('a later turn')));
    `);

    expect(msgs).toHaveLength(51);
    expect(msgs.at(-1)).toBe('a later turn');
    expect(writes).toBe(2);
  });

  it('still writes a line logged just before the process exits', () => {
    const { msgs, status } = run(`log.error('fatal: giving up'); process.exit(3);`);

    expect(status).toBe(3);
    expect(msgs).toEqual(['fatal: giving up']);
  });
});

describe('paths in the log', () => {
  it('keeps an ordinary path as it is and hides keys, encoded keys and long segments', async () => {
    const { loggablePath } = await import('../../bff/logger.js');
    const long = 'a'.repeat(40);

    expect(loggablePath('/v1/documents/doc_123')).toBe('/v1/documents/doc_123');
    expect(loggablePath(`/v1/api-keys/${'b'.repeat(39)}`)).toBe(`/v1/api-keys/${'b'.repeat(39)}`);
    expect(loggablePath(`/v1/x/${long}`)).toBe('/v1/x/[40 chars]');
    // What follows a key's start may be the rest of it, split by a slash: it is hidden too.
    expect(loggablePath('/v1/FLW_test_abc/docs')).toBe('/v1/[12 chars]/[4 chars]');
    expect(loggablePath(`/v1/documents/flw_test_AbC/${'x'.repeat(37)}`)).toBe('/v1/documents/[12 chars]/[37 chars]');
    expect(loggablePath('/v1/%66lw_test_abc')).toBe('/v1/[14 chars]');
  });
});
