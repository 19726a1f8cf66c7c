import { describe, expect, it } from 'vitest';
import { checkRedirectUri, isLoopbackLiteral } from '../../shared/redirect-uri.js';

describe('redirect_uri checker (RFC 8252 §7.3, RFC 9700 §4.1)', () => {
  it.each([
    'https://agent.example/callback',
    'https://agent.example:8443/cb?x=1',
    'http://127.0.0.1:53682/callback',
    'http://127.0.0.1/cb',
    'http://127.10.0.1:9/cb',
    'http://[::1]:8080/cb',
  ])('accepts %s', (uri) => {
    expect(checkRedirectUri(uri)).toBeUndefined();
  });

  it.each([
    ['http on a name, even localhost', 'http://localhost:8080/cb', /loopback IP literal/],
    ['http to a public host', 'http://example.com/cb', /loopback IP literal/],
    ['a fragment', 'https://agent.example/cb#frag', /fragment/],
    ['user information', 'https://user@agent.example/cb', /user information/],
    ['a password in user information', 'https://u:p@agent.example/cb', /user information/],
    ['a javascript: URI', 'javascript:alert(1)', /https/],
    ['a data: URI', 'data:text/html,hi', /https/],
    ['an uppercase scheme', 'HTTPS://agent.example/cb', /lowercase/],
    ['an uppercase host', 'https://Agent.example/cb', /canonical/],
    ['a leading space', ' https://agent.example/cb', /no spaces/],
    ['a trailing newline', 'https://agent.example/cb\n', /no spaces/],
    ['a tab inside', 'https://agent.ex\tample/cb', /no spaces/],
    ['a backslash', 'https://agent.example\\@evil.example/', /backslashes/],
    ['a relative path', '/callback', /absolute URL/],
    ['a decimal IP disguised as loopback', 'http://2130706433/cb', /canonical/],
    ['an out-of-range loopback octet', 'http://127.0.0.256/cb', /absolute URL/],
  ])('refuses %s', (_label, uri, message) => {
    expect(checkRedirectUri(uri)).toMatch(message);
  });
});

describe('loopback literals', () => {
  it('knows 127.0.0.0/8 and [::1] and nothing else', () => {
    expect(isLoopbackLiteral('127.0.0.1')).toBe(true);
    expect(isLoopbackLiteral('127.255.255.254')).toBe(true);
    expect(isLoopbackLiteral('[::1]')).toBe(true);
    expect(isLoopbackLiteral('localhost')).toBe(false);
    expect(isLoopbackLiteral('128.0.0.1')).toBe(false);
    expect(isLoopbackLiteral('[::2]')).toBe(false);
  });
});
