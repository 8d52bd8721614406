import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WaymarkError } from '../../src/errors.js';
import { createPromptHost } from '../../src/prompts/host.js';
import { widgetsLoader } from '../../src/prompts/load-widgets.js';
import type { WidgetProps, WidgetsModule } from '../../widgets/contract.js';
import * as widgets from '../../widgets/index.js';

const props = (extra: Partial<WidgetProps> = {}): WidgetProps => ({
  prompt: { id: 'r', kind: 'rating', trigger: { on: 'x' }, content: { question: 'Rate us' } },
  locale: 'en',
  defaultLocale: 'en',
  theme: {},
  vars: {},
  onAnswer: vi.fn(),
  onDismiss: vi.fn(),
  onRedeem: vi.fn(),
  ...extra,
});

const setup = (load: () => Promise<WidgetsModule> = () => Promise.resolve(widgets), nonce?: string) => {
  const errors: WaymarkError[] = [];
  const host = createPromptHost({ load, ...(nonce ? { nonce } : {}), onError: (error) => errors.push(error) });
  return { host, errors };
};
const hosts = () => [...document.querySelectorAll('waymark-prompt')] as HTMLElement[];

afterEach(() => void (document.body.innerHTML = ''));

describe('prompt host', () => {
  it('mounts the widget in an open shadow root on its own element at the end of <body>', async () => {
    document.body.appendChild(document.createElement('main'));
    const { host, errors } = setup();
    expect(host.isOpen).toBe(false);
    expect(await host.show(props({ theme: { zIndex: 50 } }))).toBe(true);
    expect(host.isOpen).toBe(true);
    const element = document.body.lastElementChild as HTMLElement;
    expect(element.tagName).toBe('WAYMARK-PROMPT');
    expect(element.shadowRoot?.mode).toBe('open');
    expect(element.shadowRoot?.querySelector('[role=dialog] #h')?.textContent).toBe('Rate us');
    expect(element.style.getPropertyValue('z-index')).toBe('50');
    expect(element.style.getPropertyPriority('z-index')).toBe('important');
    expect(element.style.getPropertyValue('position')).toBe('fixed');
    expect(errors).toEqual([]);
  });

  it('shows one prompt at a time: a second show replaces the first', async () => {
    const { host } = setup();
    await host.show(props());
    await host.show(props({ prompt: { id: 'n', kind: 'nps', trigger: { on: 'x' }, content: { question: 'NPS?' } } }));
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.shadowRoot?.querySelector('#h')?.textContent).toBe('NPS?');
  });

  it('close() unmounts without reporting a dismissal', async () => {
    const { host } = setup();
    const shown = props();
    await host.show(shown);
    host.close();
    expect(host.isOpen).toBe(false);
    expect(hosts()).toHaveLength(0);
    expect(shown.onDismiss).not.toHaveBeenCalled();
    host.close(); // twice is fine
  });

  it('forgets the widget when it ends by itself', async () => {
    const { host } = setup();
    const shown = props();
    await host.show(shown);
    (hosts()[0]!.shadowRoot!.querySelector('.wm-close') as HTMLElement).click();
    expect(shown.onDismiss).toHaveBeenCalledWith('close');
    expect(host.isOpen).toBe(false);
    expect(hosts()).toHaveLength(0);
  });

  it('a close() while the chunk loads cancels that show', async () => {
    let resolve!: (module: WidgetsModule) => void;
    const { host } = setup(() => new Promise((done) => (resolve = done)));
    const showing = host.show(props());
    host.close();
    resolve(widgets);
    expect(await showing).toBe(false);
    expect(hosts()).toHaveLength(0);
  });

  it('reports widget_failed and returns false when the chunk cannot load', async () => {
    const { host, errors } = setup(() => Promise.reject(new Error('offline')));
    expect(await host.show(props())).toBe(false);
    expect(errors.map((error) => error.code)).toEqual(['widget_failed']);
    expect(errors[0]!.message).toContain('offline');
    await expect(host.preload()).resolves.toBeUndefined();
  });

  it('reports widget_failed, and leaves nothing behind, when mounting throws', async () => {
    const broken: WidgetsModule = {
      mount: () => {
        throw new Error('render failed');
      },
    };
    const { host, errors } = setup(() => Promise.resolve(broken));
    expect(await host.show(props())).toBe(false);
    expect(host.isOpen).toBe(false);
    expect(hosts()).toHaveLength(0);
    expect(errors.map((error) => error.code)).toEqual(['widget_failed']);
  });

  it('passes its nonce to the widgets', async () => {
    const mount = vi.fn(() => ({ close() {} }));
    const { host } = setup(() => Promise.resolve({ mount }), 'abc123');
    await host.show(props());
    expect(mount).toHaveBeenCalledWith(expect.anything(), expect.anything(), expect.objectContaining({ nonce: 'abc123' }));
  });

  it('shows nothing after destroy()', async () => {
    const { host } = setup();
    await host.show(props());
    host.destroy();
    expect(hosts()).toHaveLength(0);
    expect(await host.show(props())).toBe(false);
    expect(hosts()).toHaveLength(0);
  });
});

describe('widgets loader', () => {
  it('loads the bundled widgets once', async () => {
    const load = widgetsLoader();
    const first = await load();
    expect(typeof first.mount).toBe('function');
    expect(await load()).toBe(first);
  });

  it('imports a URL when given one, and retries a failed load with a fresh URL', async () => {
    // The module fails to evaluate until the flag is set; engines cache that failure per URL.
    const source = 'export const mount = globalThis.__widgetsReady ? () => ({ close() {} }) : (() => { throw new Error("not yet"); })(); //';
    const load = widgetsLoader(`data:text/javascript,${encodeURIComponent(source)}`);
    await expect(load()).rejects.toThrow('not yet');
    (globalThis as { __widgetsReady?: boolean }).__widgetsReady = true;
    try {
      const module = await load();
      expect(module.mount(null as never, null as never, {})).toHaveProperty('close');
      expect(await load()).toBe(module);
    } finally {
      delete (globalThis as { __widgetsReady?: boolean }).__widgetsReady;
    }
  });
});
