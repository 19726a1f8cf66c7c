import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bff/config.js';

describe('configuration from environment variables', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:8787',
      dataFile: 'data/exchange.json',
      bootstrapRateLimit: 10,
      consentTtlSeconds: 600,
      authCodeTtlSeconds: 600,
      keyTtlSeconds: 604800,
      trustProxy: false,
    });
  });

  it('reads every documented variable by its name', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://exchange.example/',
      DATA_FILE: '/tmp/x.json',
      BOOTSTRAP_RATE_LIMIT: '3',
      CONSENT_TTL_SECONDS: '60',
      AUTH_CODE_TTL_SECONDS: '30',
      KEY_TTL_SECONDS: '3600',
      TRUST_PROXY: 'loopback',
    });

    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      publicUrl: 'https://exchange.example',
      dataFile: '/tmp/x.json',
      bootstrapRateLimit: 3,
      consentTtlSeconds: 60,
      authCodeTtlSeconds: 30,
      keyTtlSeconds: 3600,
      trustProxy: ['loopback'],
    });
  });

  it('defaults PUBLIC_URL to http://localhost:PORT', () => {
    expect(loadConfig({ PORT: '9123' }).publicUrl).toBe('http://localhost:9123');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(8787);
  });

  it('accepts a hop count for TRUST_PROXY', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://exchange.example'],
    ['BOOTSTRAP_RATE_LIMIT', '0'],
    ['CONSENT_TTL_SECONDS', '-5'],
    ['AUTH_CODE_TTL_SECONDS', '1.5'],
    ['KEY_TTL_SECONDS', 'forever'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', 'my proxy'],
    ['TRUST_PROXY', '....'],
    ['TRUST_PROXY', '10.0.0.0/99'],
    ['TRUST_PROXY', '::1/200'],
    ['TRUST_PROXY', '10.0.0.1,999.1.1.1'],
  ])('throws a ConfigError naming %s when it is %j', (name, value) => {
    const load = () => loadConfig({ [name]: value });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`${name}=`));
  });

  it.each([
    ['PORT', 'abc', 'must be a whole number from 0 to 65535'],
    ['PORT', '70000', 'must be a whole number from 0 to 65535'],
    ['BOOTSTRAP_RATE_LIMIT', '0', 'must be a whole number of 1 or more'],
    ['AUTHORIZE_RATE_LIMIT', 'lots', 'must be a whole number of 1 or more'],
    ['KEY_TTL_SECONDS', 'forever', 'must be a whole number of seconds from 1 to 315360000'],
    ['CONSENT_TTL_SECONDS', '1.5', 'must be a whole number of seconds from 1 to 315360000'],
    ['DATA_FSYNC', 'yes please', 'must be 1 (on) or 0 (off)'],
    ['LOG_LEVEL', 'loud', 'must be one of fatal, error, warn, info, debug, trace, silent'],
    ['PUBLIC_URL', 'ftp://exchange.example', 'must be an http or https URL'],
  ])('says in words what %s=%j should be', (name, value, words) => {
    expect(() => loadConfig({ [name]: value })).toThrow(`${name}=${JSON.stringify(value)}: ${words}`);
  });

  it('accepts TRUST_PROXY as a list of addresses and CIDR ranges, v4 and v6', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1,fd00::/8, ::1, uniquelocal' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
      'fd00::/8',
      '::1',
      'uniquelocal',
    ]);
  });

  it('names every bad variable at once', () => {
    const load = () => loadConfig({ PORT: 'x', KEY_TTL_SECONDS: 'y' });

    expect(load).toThrow(/PORT=[\s\S]*KEY_TTL_SECONDS=/);
  });
});

describe('whole-number variables take digits only', () => {
  it.each([
    ['PORT', ' '],
    ['PORT', '\t'],
    ['PORT', '0x50'],
    ['PORT', '1e3'],
    ['PORT', '0b1010'],
    ['BOOTSTRAP_RATE_LIMIT', '0x10'],
    ['AUTHORIZE_RATE_LIMIT', '1e2'],
    ['CONSENT_TTL_SECONDS', '6e2'],
  ])('refuses %s=%j rather than reading it as a number (a blank PORT would listen on a random port)', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=${JSON.stringify(value).replace(/\\/g, '\\\\')}: must be a whole number`));
  });

  it('still takes PORT=0, surrounding spaces and the largest limit', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: ' 8080 ' }).port).toBe(8080);
    expect(loadConfig({ AUTHORIZE_RATE_LIMIT: String(Number.MAX_SAFE_INTEGER) }).authorizeRateLimit).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('says a bad value once, even when it breaks two rules', () => {
    let message = '';
    try {
      loadConfig({ AUTHORIZE_RATE_LIMIT: '9007199254740993' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.match(/AUTHORIZE_RATE_LIMIT=/g)).toHaveLength(1);
  });
});
