/** Forks bench/target.ts in its own process and talks to it over IPC; drives load with autocannon. */
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startArgs } from '../test/support/start-command.js';

const TARGET = fileURLToPath(new URL('./target.ts', import.meta.url));

export interface Target {
  url: string;
  ready: Record<string, unknown>;
  call<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export function startTarget(mode: 'hello' | 'hello-app-server' | 'app', env: Record<string, string> = {}): Promise<Target> {
  const child: ChildProcess = fork(TARGET, [mode], {
    // The V8 flags npm start gives the server (the hello-world gets them too, so they are not what
    // makes a difference); BENCH_NODE_ARGS adds more, e.g. "--cpu-prof" when profiling.
    execArgv: ['--import', 'tsx', ...startArgs().slice(0, -1), ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', process.env.BENCH_TARGET_STDOUT ? 'inherit' : 'ignore', 'inherit', 'ipc'], // the app's request log goes to /dev/null, as cheap as a pipe to a collector
  });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench target ${mode} exited with ${code}`)));
    child.on('message', (msg: Record<string, unknown>) => {
      if (msg.ready) {
        resolve({
          url: `http://127.0.0.1:${String(msg.port)}`,
          ready: msg,
          call: (cmd, args = {}) =>
            new Promise((res, rej) => {
              const id = ++next;
              pending.set(id, { resolve: res as (v: unknown) => void, reject: rej });
              child.send({ id, cmd, ...args });
            }),
          stop: () =>
            new Promise<void>((res) => {
              child.removeAllListeners('exit');
              child.once('exit', () => res());
              child.send({ id: ++next, cmd: 'stop' });
            }),
        });
        return;
      }
      const waiter = pending.get(Number(msg.id));
      pending.delete(Number(msg.id));
      if (msg.error) waiter?.reject(new Error(String(msg.error)));
      else waiter?.resolve(msg.result);
    });
  });
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

export const CONNECTIONS = 32;

/**
 * One measurement; req/s counts only 2xx answers. autocannon ends a run of a fixed `amount` at its next
 * one-second tick, so its own duration would round such a run up to whole seconds; the time to the last
 * answer is used instead.
 */
export async function measure(opts: autocannon.Options): Promise<Figures> {
  const started = performance.now();
  let lastAnswer = started;
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ connections: CONNECTIONS, ...opts }, (error, result) => (error ? reject(error) : resolve(result)));
    run.on('response', () => {
      lastAnswer = performance.now();
    });
  });
  const seconds = opts.amount ? (lastAnswer - started) / 1000 : r.duration;
  return {
    rps: r['2xx'] / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    seconds,
  };
}
