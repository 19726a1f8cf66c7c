import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Configuration comes only from environment variables, parsed once. A bad value stops the process
 * with a message naming the variable (see server.ts).
 */

/**
 * A whole number between min and max, written in digits; any other value is refused with `words`.
 * Digits only: Number() would read '' or ' ' as 0 (PORT=' ' listened on a random port) and take 0x50 or 1e3.
 */
const wholeNumber = (min: number, max: number, words: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && !/^\s*\d+\s*$/.test(value) ? Number.NaN : value),
    z.coerce.number({ error: words }).int({ error: words }).min(min, { error: words }).max(max, { error: words }),
  );

const MAX_SECONDS = 10 * 365 * 24 * 3600;
const seconds = (fallback: number) =>
  wholeNumber(1, MAX_SECONDS, `must be a whole number of seconds from 1 to ${MAX_SECONDS}`).default(fallback);
const perHour = (fallback: number) => wholeNumber(1, Number.MAX_SAFE_INTEGER, 'must be a whole number of 1 or more').default(fallback);
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An IP address, or a CIDR range whose prefix fits the address (10.0.0.0/8, fd00::/8). */
function isAddressOrRange(value: string): boolean {
  const [address = '', prefix, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** TRUST_PROXY: off (default), a hop count, or the proxies to trust (loopback, an IP or a CIDR list). */
const trustProxySchema = z
  .string()
  .default('off')
  .transform((value, ctx): false | number | string[] => {
    const v = value.trim();
    if (['', 'off', 'false', '0', 'no'].includes(v.toLowerCase())) return false;
    if (/^\d+$/.test(v)) return Number(v);
    if (['true', 'on', 'yes', '*'].includes(v.toLowerCase())) {
      ctx.addIssue({
        code: 'custom',
        message: 'trusting every proxy lets any client pick its own IP; name the proxy (loopback, 10.0.0.1, 10.0.0.0/8) or give a hop count',
      });
      return z.NEVER;
    }
    const parts = v.split(',').map((p) => p.trim()).filter(Boolean);
    const ok = parts.every((p) => ['loopback', 'linklocal', 'uniquelocal'].includes(p) || isAddressOrRange(p));
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: 'expected off, a hop count, or a comma list of loopback / IP / CIDR' });
      return z.NEVER;
    }
    return parts;
  });

export const configSchema = z
  .object({
    PORT: wholeNumber(0, 65535, 'must be a whole number from 0 to 65535').default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http or https URL, such as https://exchange.example.com' }).optional(),
    DATA_FILE: z.string().min(1).default('data/exchange.json'),
    // 1: fsync each written file and its folder per group commit (survives power loss; costs latency).
    DATA_FSYNC: z.enum(['0', '1', 'false', 'true', 'off', 'on'], { error: 'must be 1 (on) or 0 (off); true/false and on/off work too' }).default('0'),
    BOOTSTRAP_RATE_LIMIT: perHour(10),
    AUTHORIZE_RATE_LIMIT: perHour(120),
    CONSENT_TTL_SECONDS: seconds(600),
    AUTH_CODE_TTL_SECONDS: seconds(600),
    KEY_TTL_SECONDS: seconds(604800),
    TRUST_PROXY: trustProxySchema,
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    /** No PUBLIC_URL given: with PORT=0 the server fills in the port it was given once it listens. */
    publicUrlFromPort: env.PUBLIC_URL === undefined,
    dataFile: env.DATA_FILE,
    dataFsync: ['1', 'true', 'on'].includes(env.DATA_FSYNC),
    bootstrapRateLimit: env.BOOTSTRAP_RATE_LIMIT,
    authorizeRateLimit: env.AUTHORIZE_RATE_LIMIT,
    consentTtlSeconds: env.CONSENT_TTL_SECONDS,
    authCodeTtlSeconds: env.AUTH_CODE_TTL_SECONDS,
    keyTtlSeconds: env.KEY_TTL_SECONDS,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
  }));
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(defined);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
  });
  // A value can break two rules with the same words (too large, and no longer a safe integer): said once.
  throw new ConfigError(`Invalid configuration:\n${[...new Set(lines)].join('\n')}`);
}
