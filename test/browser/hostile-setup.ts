import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { launchBrowser, startServer, type BrowserHandle, type TestServer } from './harness.js';

export const PAGE = '/test/browser/pages/delivery/index.html';
export const DAY_MS = 86_400_000;

export interface Hostile {
  /** How far this page's clock runs ahead, in ms. */
  clockAheadMs?: number;
  /** Hide the Web Locks API, as in browsers without it. */
  noWebLocks?: boolean;
  /** Make every indexedDB.open throw, as blocked storage does. */
  noIndexedDb?: boolean;
  /** navigator.onLine false: nothing is sent, the outbox only writes and trims. */
  offline?: boolean;
  /** Options for `init` (a config, delivery limits), merged over the page's script tag. */
  init?: Record<string, unknown>;
}

/** What a page under test exposes: the SDK, the error codes it reported, IndexedDB transactions made. */
export type Scope = {
  waymark: {
    flush(): Promise<{ sent: number; pending: number }>;
    ready(): Promise<unknown>;
    stats(): { pending: number; dropped: number; storage: string };
    explain(promptId: string): { gates: Array<{ gate: string; pass: boolean; reason: string }> };
    show(promptId: string, options?: { force?: boolean }): void;
    state: { points: { value: number } };
  };
  errors: string[];
  drops: number[];
  /**
   * Set, IndexedDB fails as it does after "clear site data" (InvalidStateError, every
   * transaction) or on a full quota (QuotaExceededError, every write); null, it works again.
   */
  storageFault: 'InvalidStateError' | 'QuotaExceededError' | null;
  transactions: number;
  longTasks: number[];
};

/** One fresh Chromium and sink per test, closed after it. */
export function useHostile() {
  const handles: { server: TestServer; browser: BrowserHandle } = {} as never;
  afterEach(async () => {
    await handles.browser?.close();
    await handles.server?.close();
  });
  return {
    get server() {
      return handles.server;
    },
    get browser() {
      return handles.browser;
    },
    async start() {
      [handles.server, handles.browser] = await Promise.all([startServer(), launchBrowser()]);
    },
    /** Opens the delivery page with its hostile conditions installed before any script runs. */
    async open(hostile: Hostile = {}): Promise<Page> {
      const page = await handles.browser.context.newPage();
      await page.addInitScript(installHostile, hostile);
      await page.goto(handles.server.url + PAGE);
      await page.waitForFunction(() => typeof (window as { trackMany?: unknown }).trackMany === 'function');
      return page;
    },
    /** Distinct test records that reached the sink, and ids that arrived more than once. */
    tally() {
      const records = handles.server.batches.flatMap((batch) => batch.body.batch).filter((record) => record.name === 'delivery_test');
      const distinct = new Set(records.map((record) => `${String(record.props.tab)}:${String(record.props.i)}`));
      return { delivered: distinct.size, duplicates: records.length - new Set(records.map((record) => record.id)).size };
    },
  };
}

function installHostile(hostile: Hostile) {
  const scope = window as unknown as Omit<Scope, 'waymark'> & { waymark: unknown[] };
  scope.errors = [];
  scope.drops = [];
  const onError = (error: { code: string; details?: { count?: number } }) => {
    scope.errors.push(error.code);
    if (error.code === 'records_dropped') scope.drops.push(error.details?.count ?? 0);
  };
  scope.waymark = [['on', 'error', onError]];
  if (hostile.init) scope.waymark.push(['init', hostile.init]);
  scope.transactions = 0;
  scope.storageFault = null;
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    scope.transactions++;
    const fault = scope.storageFault;
    if (fault === 'InvalidStateError' || (fault && args[1] === 'readwrite')) throw new DOMException(`storage fault: ${fault}`, fault);
    return transaction.apply(this, args);
  };
  if (hostile.clockAheadMs) {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + (hostile.clockAheadMs ?? 0);
  }
  if (hostile.offline) Object.defineProperty(Navigator.prototype, 'onLine', { get: () => false, configurable: true });
  if (hostile.noWebLocks) Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
  if (hostile.noIndexedDb) {
    IDBFactory.prototype.open = () => {
      throw new DOMException('storage is blocked', 'SecurityError');
    };
  }
}

export const trackMany = (page: Page, count: number, tab: string) =>
  page.evaluate(([count, tab]) => (window as unknown as { trackMany(count: number, tab: string): number }).trackMany(count, tab), [count, tab] as const);

export const read = <K extends keyof Scope>(page: Page, name: K) => page.evaluate((name) => (window as unknown as Scope)[name], name) as Promise<Scope[K]>;

export function print(name: string, figures: Record<string, unknown>) {
  console.log(
    `[hostile] ${name}: ${Object.entries(figures)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ')}`,
  );
}

/** A crash, not a close: a dead tab fires no pagehide and releases nothing it holds. */
export async function crash(page: Page) {
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  void (await page.context().newCDPSession(page)).send('Page.crash').catch(() => {});
  await crashed;
  await page.close();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
