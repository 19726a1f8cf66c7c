/** Milliseconds since the epoch. Injected so tests move time instead of sleeping. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export const iso = (ms: number) => new Date(ms).toISOString();
