import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startRealServer, type RealServer } from './server.js';

/** The built web app on a real server, and one headless Chromium: what every browser journey needs. */
export async function startStack(): Promise<{ server: RealServer; browser: Browser }> {
  const server = await startRealServer();
  return { server, browser: await launchChromium() };
}

export async function stopStack(stack: { server?: RealServer; browser?: Browser }): Promise<void> {
  await stack.browser?.close();
  await stack.server?.stop();
}
