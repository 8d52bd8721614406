import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEPALIVE_BUDGET } from '../../src/outbox/hide.js';
import { SENT_GRACE_MS } from '../../src/outbox/spill.js';
import { openOutbox, track, useSink, wait } from './helpers.js';

const sink = useSink();

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { get: () => online, configurable: true });
  dispatchEvent(new Event(online ? 'online' : 'offline'));
}
function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', { get: () => (hidden ? 'hidden' : 'visible'), configurable: true });
  dispatchEvent(new Event('visibilitychange'));
}
afterEach(() => {
  delete (navigator as { onLine?: boolean }).onLine;
  delete (document as { visibilityState?: string }).visibilityState;
});

/** Opens an outbox and lets its start-up run (which resumes earlier pages' records) finish. */
async function openIdle(...args: Parameters<typeof openOutbox>) {
  const opened = openOutbox(...args);
  await wait(5);
  await opened.outbox.flush();
  return opened;
}

const bodyBytes = (body: unknown) => new Blob([JSON.stringify(body)]).size;

describe('scheduling', () => {
  it('sends as soon as a batch is full, without waiting for the interval', async () => {
    const { outbox } = openOutbox({ delivery: { batchSize: 50 } });
    track(outbox, 120);
    await expect.poll(() => sink.ids().length).toBe(120);
    await expect.poll(() => outbox.stats().pending).toBe(0);
  });

  it('sends a partial batch on the interval', async () => {
    const { outbox } = await openIdle({ delivery: { flushIntervalMs: 80 } });
    track(outbox, 3);
    await wait(30);
    expect(sink.requests).toHaveLength(0);
    await expect.poll(() => sink.ids().length).toBe(3);
  });

  it('flushSoon() sends on the next tick (after a prompt answer)', async () => {
    const { outbox } = openOutbox();
    track(outbox, 2);
    outbox.flushSoon();
    await expect.poll(() => sink.ids().length, { timeout: 500 }).toBe(2);
  });

  it('keeps records and sends nothing while there is no endpoint', async () => {
    let endpoint: string | undefined;
    const { outbox } = openOutbox({ endpoint: () => endpoint });
    track(outbox, 60);
    expect(await outbox.flush()).toEqual({ sent: 0, retried: 0, dropped: 0, pending: 60 });
    endpoint = 'http://localhost:3000/collect';
    expect(await outbox.flush()).toMatchObject({ sent: 60, pending: 0 });
  });
});

describe('online / offline', () => {
  it('pauses while offline and resumes on the online event', async () => {
    const { outbox } = openOutbox();
    setOnline(false);
    track(outbox, 80);
    expect(await outbox.flush()).toMatchObject({ sent: 0, retried: 0, pending: 80 });
    expect(sink.requests).toHaveLength(0);
    setOnline(true);
    await expect.poll(() => sink.ids().length).toBe(80);
  });

  it('on the online event, retries at once instead of waiting out the backoff', async () => {
    let down = true;
    sink.respond = () => (down ? HttpResponse.error() : new HttpResponse(null, { status: 200 }));
    const { outbox } = openOutbox();
    track(outbox, 5);
    expect(await outbox.flush()).toMatchObject({ retried: 5 });
    down = false;
    setOnline(true);
    await expect.poll(() => sink.ids().length).toBe(5);
  });
});

describe('page hide', () => {
  it('sends pending records with keepalive on pagehide and deletes them on a 2xx', async () => {
    const { outbox } = await openIdle();
    const fetches = vi.spyOn(globalThis, 'fetch');
    const records = track(outbox, 10);
    dispatchEvent(new Event('pagehide'));
    await expect.poll(() => sink.ids().length).toBe(10);
    expect(fetches.mock.calls.map(([, init]) => init?.keepalive)).toEqual([true]);
    fetches.mockRestore();
    expect(sink.ids()).toEqual(records.map((record) => record.id));
    await expect.poll(() => outbox.stats()).toMatchObject({ pending: 0, sent: 10 });
    expect(await outbox.flush()).toMatchObject({ sent: 0, pending: 0 });
    expect(sink.requests).toHaveLength(1);
  });

  it('sends on visibilitychange only when hidden', async () => {
    const { outbox } = await openIdle();
    track(outbox, 4);
    setHidden(false);
    await wait(20);
    expect(sink.requests).toHaveLength(0);
    setHidden(true);
    await expect.poll(() => sink.ids().length).toBe(4);
  });

  it('keeps one body within the 64 KiB budget, oldest records first; the rest stays stored', async () => {
    const { outbox } = await openIdle({ delivery: { batchSize: 5000 } });
    const records = track(outbox, 300);
    dispatchEvent(new Event('pagehide'));
    await expect.poll(() => sink.ids().length).toBeGreaterThan(0);
    const [body] = sink.requests.map((request) => request.body);
    expect(bodyBytes(body)).toBeLessThanOrEqual(KEEPALIVE_BUDGET);
    expect(bodyBytes(body)).toBeGreaterThan(KEEPALIVE_BUDGET * 0.9);
    expect(body!.batch.map((record) => record.id)).toEqual(records.slice(0, body!.batch.length).map((record) => record.id));
    await expect.poll(() => outbox.stats().pending).toBe(300 - body!.batch.length);
    expect(await outbox.flush()).toMatchObject({ sent: 300 - body!.batch.length, pending: 0 });
    expect(new Set(sink.ids()).size).toBe(300);
  });

  it('shares the budget between keepalive bodies in flight at once', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    sink.respond = async () => (await held, new HttpResponse(null, { status: 200 }));
    const { outbox } = await openIdle({ delivery: { batchSize: 5000 } });
    const first = track(outbox, 100);
    dispatchEvent(new Event('pagehide'));
    const second = track(outbox, 200);
    setHidden(true);
    await expect.poll(() => sink.requests.length).toBe(2);
    const [a, b] = sink.requests.map((request) => request.body);
    expect(a!.batch.map((record) => record.id)).toEqual(first.map((record) => record.id));
    expect(b!.batch.map((record) => record.id)).toEqual(second.slice(0, b!.batch.length).map((record) => record.id));
    expect(b!.batch.length).toBeLessThan(200);
    expect(bodyBytes(a) + bodyBytes(b)).toBeLessThanOrEqual(KEEPALIVE_BUDGET);
    release();
    await expect.poll(() => outbox.stats().pending).toBe(300 - 100 - b!.batch.length);
  });

  it('finding 9: a flush while a page-hide request holds the keepalive quota waits for it, then goes with keepalive', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    sink.respond = async () => (await held, new HttpResponse(null, { status: 200 }));
    const { outbox } = await openIdle({ delivery: { batchSize: 5000 } });
    track(outbox, 300);
    setHidden(true);
    await expect.poll(() => sink.requests.length).toBe(1);
    // Without keepalive, a batch cut off by the closing tab may land with its answer lost: sent twice.
    const fetches = vi.spyOn(globalThis, 'fetch');
    const flushing = outbox.flush();
    await wait(30);
    expect(fetches).not.toHaveBeenCalled();
    release();
    expect(await flushing).toMatchObject({ pending: 0 });
    expect(fetches.mock.calls.map(([, init]) => init?.keepalive)).toEqual([true]);
    fetches.mockRestore();
    expect(new Set(sink.ids()).size).toBe(300);
    expect(sink.ids()).toHaveLength(300);
  });

  it('leaves records stored when the keepalive request fails', async () => {
    sink.respond = () => new HttpResponse(null, { status: 503 });
    const { outbox } = await openIdle();
    track(outbox, 6);
    dispatchEvent(new Event('pagehide'));
    await expect.poll(() => sink.requests.length).toBe(1);
    await wait(20);
    sink.respond = () => new HttpResponse(null, { status: 200 });
    expect(await outbox.flush()).toMatchObject({ sent: 6 });
  });

  it('sends nothing while offline, and nothing after destroy()', async () => {
    const { outbox } = openOutbox();
    track(outbox, 3);
    setOnline(false);
    dispatchEvent(new Event('pagehide'));
    setOnline(true);
    outbox.destroy();
    dispatchEvent(new Event('pagehide'));
    await wait(50);
    expect(sink.requests).toHaveLength(0);
  });

  it('spills records still being written to localStorage; the next page sends them', async () => {
    const namespace = `spill-${Math.random()}`;
    const stuck = vi.spyOn(indexedDB, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest); // never opens, like a closing tab
    const closing = openOutbox({ namespace, endpoint: () => undefined });
    const records = track(closing.outbox, 5);
    await wait(10);
    dispatchEvent(new Event('pagehide'));
    stuck.mockRestore();
    closing.outbox.destroy();
    const spillKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(`waymark:${namespace}:spill:`));
    expect(spillKeys()).toHaveLength(1);

    openOutbox({ namespace });
    await expect.poll(() => sink.ids()).toEqual(records.map((record) => record.id));
    expect(spillKeys()).toHaveLength(0);
  });

  it('a page gone before its page-hide answer: the next page load does not send those records again', async () => {
    const namespace = `gone-${Math.random()}`;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    sink.respond = async () => (await held, new HttpResponse(null, { status: 200 }));
    const closing = await openIdle({ namespace, delivery: { batchSize: 5000 } });
    const records = track(closing.outbox, 8);
    await wait(10);
    dispatchEvent(new Event('pagehide'));
    await expect.poll(() => sink.requests.length).toBe(1);
    closing.outbox.destroy(); // the page is gone; its request goes on without it
    const next = openOutbox({ namespace });
    await wait(20);
    // Within the grace the request may still land or fail: the records wait, unsent.
    expect(await next.outbox.flush()).toMatchObject({ sent: 0, pending: 8 });
    const realNow = Date.now;
    const later = realNow() + SENT_GRACE_MS;
    vi.spyOn(Date, 'now').mockImplementation(() => later);
    expect(await next.outbox.flush()).toMatchObject({ sent: 0, pending: 0 });
    vi.mocked(Date.now).mockRestore();
    release();
    await wait(20);
    expect(sink.ids()).toEqual(records.map((record) => record.id));
  });

  it('finding 9: a flush batch on its way when the page hides is neither in the page-hide body nor sent again by the next page', async () => {
    const namespace = `flying-${Math.random()}`;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const closing = await openIdle({ namespace });
    track(closing.outbox, 1);
    await closing.outbox.flush(); // the endpoint has answered this page: a batch on its way will most likely land
    sink.requests.length = 0;
    sink.respond = async () => (await held, new HttpResponse(null, { status: 200 }));
    const fetches = vi.spyOn(globalThis, 'fetch');
    const flushed = track(closing.outbox, 50);
    void closing.outbox.flush();
    await expect.poll(() => sink.requests.length).toBe(1);
    const late = track(closing.outbox, 5);
    dispatchEvent(new Event('pagehide'));
    await expect.poll(() => sink.requests.length).toBe(2);
    expect(fetches.mock.calls.map(([, init]) => init?.keepalive)).toEqual([true, true]);
    fetches.mockRestore();
    expect(sink.requests[1]!.body.batch.map((record) => record.id)).toEqual(late.map((record) => record.id));
    const marks = Object.keys(localStorage).filter((key) => key.startsWith(`waymark:${namespace}:sent:`));
    expect(marks.flatMap((key) => JSON.parse(localStorage.getItem(key)!).slice(1))).toHaveLength(55);
    closing.outbox.destroy(); // gone before either answer: the browser carries both requests on
    const next = openOutbox({ namespace });
    expect(await next.outbox.flush()).toMatchObject({ sent: 0, pending: 55 });
    release();
    await expect.poll(() => sink.ids().length).toBe(55);
    expect(new Set(sink.ids())).toEqual(new Set([...flushed, ...late].map((record) => record.id)));
  });

  it('a page-hide request that fails while the page lives keeps its records for the next flush', async () => {
    const namespace = `kept-${Math.random()}`;
    sink.respond = () => new HttpResponse(null, { status: 503 });
    const { outbox } = await openIdle({ namespace });
    track(outbox, 3);
    await wait(10);
    dispatchEvent(new Event('pagehide'));
    await expect.poll(() => sink.requests.length).toBe(1);
    await wait(20);
    expect(Object.keys(localStorage).filter((key) => key.startsWith(`waymark:${namespace}:sent:`))).toEqual([]);
    sink.respond = () => new HttpResponse(null, { status: 200 });
    outbox.destroy();
    const next = openOutbox({ namespace });
    await expect.poll(() => sink.ids().length).toBe(3);
    expect(next.outbox.stats().pending).toBe(0);
  });

  it('removes the spilled copy once the write commits after all', async () => {
    const namespace = `spill-ok-${Math.random()}`;
    const { outbox } = await openIdle({ namespace, endpoint: () => undefined });
    track(outbox, 5);
    await wait(0); // the write has started, not committed
    setHidden(true);
    const spillKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(`waymark:${namespace}:spill:`));
    expect(spillKeys()).toHaveLength(1);
    await expect.poll(spillKeys).toHaveLength(0);
    expect(outbox.stats().pending).toBe(5);
  });
});
