/**
 * A lazily imported module, or `fallback` when the import fails or has not finished after `waitMs`
 * (a connection that dropped or stalls). For views that must show something no matter what.
 */
export function importOr<T>(load: () => Promise<T>, fallback: T, waitMs: number): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), waitMs);
    load().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
