import type { Express } from 'express';

interface Layer {
  rawPath?: string | string[];
  handle: { stack?: Layer[] };
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** Every `METHOD /path` the /v1 router serves, read from the Express 5 router stack (":id" → "{id}"). */
export function v1RoutesOf(app: Express): string[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const v1 = stack.find((layer) => [layer.rawPath].flat().includes('/v1'));
  if (!v1?.handle.stack) throw new Error('no router mounted at /v1');
  return collect(v1.handle.stack).sort();
}

function collect(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
      return [layer.route.path].flat().flatMap((path) => methods.map((m) => `${m.toUpperCase()} /v1${toOpenApiPath(path)}`));
    }
    return layer.handle.stack ? collect(layer.handle.stack) : [];
  });
}

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
