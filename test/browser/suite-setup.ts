import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startServeProcess, type ServeProcess } from '../collector-load/serve.mjs';
import { launchBrowser, ROOT, startServer, type BrowserHandle, type TestServer } from './harness.js';

/** The admin token and write key of the `waymark serve` the end-to-end files start. */
export const E2E_ADMIN_TOKEN = 'e2e-admin';
export const E2E_WRITE_KEY = 'e2e-key';

/** A page server with its sink and a Chromium, started before the file's tests and closed after them. */
export function useBrowserAndServer(): { readonly server: TestServer; readonly browser: BrowserHandle } {
  const handles = {} as { server: TestServer; browser: BrowserHandle };
  beforeAll(async () => {
    handles.server = await startServer();
    handles.browser = await launchBrowser();
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.server?.close();
  });
  return handles;
}

/**
 * The page server, the built `waymark serve` on another origin (a fresh embedded database,
 * `config` relative to the repository, the pages' origin allowed) and a Chromium, for one file.
 */
export function useServedCollector(
  name: string,
  config: string,
): { readonly pages: TestServer; readonly collector: ServeProcess; readonly browser: BrowserHandle } {
  const folder = mkdtempSync(join(tmpdir(), `waymark-e2e-${name}-`));
  const handles = {} as { pages: TestServer; collector: ServeProcess; browser: BrowserHandle };
  beforeAll(async () => {
    handles.pages = await startServer();
    handles.collector = await startServeProcess({
      db: join(folder, 'db'),
      writeKeys: [E2E_WRITE_KEY],
      adminToken: E2E_ADMIN_TOKEN,
      config: join(ROOT, config),
      origins: [handles.pages.url],
    });
    handles.browser = await launchBrowser();
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.collector?.stop();
    await handles.pages?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return handles;
}
