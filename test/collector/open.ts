import { afterEach, vi } from 'vitest';
import { createCollector, type Collector, type CollectorOptions } from '../../src/collector/index.js';
import { ADMIN_TOKEN, WRITE_KEY } from './requests.js';

// A new embedded database runs initdb in WebAssembly: seconds each, more on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const open: Collector[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((collector) => collector.close()));
});

/** A collector on `db` with the test write key and admin token, ready, closed after the test. */
export async function openCollector(db: string, options: CollectorOptions = {}): Promise<Collector> {
  const collector = createCollector({ db, writeKeys: [WRITE_KEY], adminToken: ADMIN_TOKEN, onError: () => {}, ...options });
  open.push(collector);
  await collector.ready();
  return collector;
}
