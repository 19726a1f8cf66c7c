import { describe, expect, it } from 'vitest';
import { safeNext } from '../../web/lib/safe-next.js';

describe('safeNext', () => {
  it.each(['/consent/req_1', '/keys?tab=1', '/activity#top'])('accepts the same-origin path %s', (path) => {
    expect(safeNext(path)).toBe(path);
  });

  it.each([
    ['a scheme-relative URL', '//evil.example.com/x'],
    ['a backslash trick', '/\\evil.example.com'],
    ['an absolute URL', 'https://evil.example.com/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path without a slash', 'keys'],
    ['a control character', '/keys\n//evil'],
    ['nothing', null],
  ])('falls back to /keys for %s', (_what, raw) => {
    expect(safeNext(raw)).toBe('/keys');
  });
});
