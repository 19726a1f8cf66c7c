// `npm start`: builds the web app and the server when missing or stale (scripts/ensure-build.mjs), then
// runs the compiled server (dist/server) in this same process: no TypeScript is compiled at start-up.
import { ensureBuild } from './ensure-build.mjs';

try {
  ensureBuild();
} catch (error) {
  console.error(`Could not build: ${error.message}`);
  process.exit(1);
}
let server;
try {
  server = await import('../dist/server/bff/server.js');
} catch (error) {
  // A file removed from dist/server (by hand, or a copy cut short) is not something a date can show.
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND' ? ` (${error.message.split(' imported from')[0]})` : ` (${error?.message})`;
  console.error(`The built server in dist/server is incomplete${missing}. Run \`npm run build\`, then start again.`);
  process.exit(1);
}
await server.main();
