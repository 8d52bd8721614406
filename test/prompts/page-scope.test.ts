import { describe, expect, it } from 'vitest';
import type { Config, Prompt } from '../../src/config/schema.js';
import { validateConfig } from '../../src/config/validate.js';
import { setup } from './harness.js';

const nps = (extra: Partial<Prompt> = {}): Prompt =>
  ({ id: 'pricing', kind: 'nps', trigger: { on: '$page_view', where: { path: { eq: '/pricing' } } }, content: { question: 'Q?' }, ...extra }) as Prompt;
const config = (prompts: Prompt[]): Config => ({ version: 1, prompts });
const dismissals = (sdk: ReturnType<typeof setup>) => sdk.recorded.filter((entry) => entry.name === '$prompt_dismissed').map((entry) => entry.props);
const trigger = (sdk: ReturnType<typeof setup>, promptId: string) => sdk.controller.explain(promptId).gates[0]?.reason;

describe('page-scoped prompts on an SPA route change', () => {
  it('closes a prompt triggered by a page view when the route leaves that page, as a navigation dismissal', async () => {
    const sdk = setup(config([nps()]));
    await sdk.navigate('/pricing');
    expect(sdk.host.isOpen).toBe(true);
    await sdk.navigate('/pricing'); // the same page again: it stays
    expect(sdk.host.isOpen).toBe(true);
    await sdk.navigate('/docs');
    expect(sdk.host.isOpen).toBe(false);
    expect(dismissals(sdk)).toMatchObject([{ promptId: 'pricing', reason: 'navigation' }]);
    expect(sdk.logs).toContain('prompt "pricing": closed, its page was left');
    expect(trigger(sdk, 'pricing')).toMatch(/^trigger: on "\$page_view" with matching props \(ended, its page was left \d+ seconds? ago\)$/);
  });

  it('keeps a prompt with presentation.keepOnRouteChange open across routes', async () => {
    const sdk = setup(config([nps({ presentation: { keepOnRouteChange: true }, if: { path: { eq: '/pricing' } } })]));
    await sdk.navigate('/pricing');
    await sdk.navigate('/docs');
    expect(sdk.host.isOpen).toBe(true);
    expect(dismissals(sdk)).toEqual([]);
  });

  it('a queued prompt whose page was left leaves the queue, and explain() says so', async () => {
    const sdk = setup(config([nps({ id: 'first', trigger: { on: 'checkout' }, presentation: { keepOnRouteChange: true } }), nps()]));
    await sdk.fire('checkout');
    await sdk.navigate('/pricing');
    expect(trigger(sdk, 'pricing')).toContain('(queued: waiting for "first" to close');
    await sdk.navigate('/docs');
    expect(sdk.logs).toContain('prompt "pricing": left the queue, its page was left');
    expect(trigger(sdk, 'pricing')).toMatch(/\(ended, its page was left \d+ seconds? ago\)$/);
    sdk.host.props.onDismiss('close');
    expect(sdk.host.shows.map((props) => props.prompt.id)).toEqual(['first']);
  });

  it('validates presentation.keepOnRouteChange as a boolean', () => {
    expect(validateConfig({ version: 1, prompts: [nps({ presentation: { keepOnRouteChange: true } })] }).ok).toBe(true);
    expect(validateConfig({ version: 1, prompts: [{ ...nps(), presentation: { keepOnRouteChange: 'no' } }] }).ok).toBe(false);
  });
});
