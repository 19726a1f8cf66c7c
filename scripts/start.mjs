// `npm start`: builds the web app and the server when missing or stale (scripts/ensure-build.mjs), then
// runs the compiled server (dist/server) in this same process: no TypeScript is compiled at start-up.
import { ensureBuild } from './ensure-build.mjs';

try {
  ensureBuild();
} catch (error) {
  console.error(`Could not build: ${error.message}`);
  process.exit(1);
}
const { main } = await import('../dist/server/bff/server.js');
await main();
