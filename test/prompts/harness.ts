import type { Config } from '../../src/config/schema.js';
import type { WaymarkError } from '../../src/errors.js';
import { createPromptController } from '../../src/prompts/controller.js';
import type { PromptControllerDeps } from '../../src/prompts/context.js';
import type { PromptHost } from '../../src/prompts/host.js';
import type { PromptHistory } from '../../src/rules/facts.js';
import { uuidv7 } from '../../src/track/uuid.js';
import type { Props } from '../../src/types.js';
import type { WidgetProps } from '../../widgets/contract.js';
import { history, makeFacts, NOW } from './facts.js';

/** A host that mounts nothing: it remembers what it was asked to show. */
export function fakeHost() {
  const host = {
    shows: [] as WidgetProps[],
    closes: 0,
    isOpen: false,
    fail: false,
    get props(): WidgetProps {
      const props = host.shows.at(-1);
      if (!props) throw new Error('nothing was shown');
      return props;
    },
    show: async (props: WidgetProps) => {
      if (host.fail) return false;
      host.shows.push(props);
      host.isOpen = true;
      return true;
    },
    close: () => {
      host.closes++;
      host.isOpen = false;
    },
    preload: async () => {},
    destroy: () => {},
  };
  return host satisfies PromptHost;
}

/** Lets the controller's promise chains (lock claim, widget load) run. */
export const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/**
 * A controller wired to in-memory stand-ins: `record` applies `$prompt_*` to the history the
 * way the profile does (only complete answers count), and `facts()` reads it back.
 */
export function setup(config: Config, options: { namespace?: string; anonymousId?: string; pollResultsUrl?: PromptControllerDeps['pollResultsUrl'] } = {}) {
  const state = {
    now: NOW,
    path: '/',
    prompts: {} as Record<string, PromptHistory>,
    lastPromptShownAt: null as number | null,
    promptsShownThisSession: 0,
    stage: null as string | null,
  };
  const recorded: Array<{ name: string; props: Props }> = [];
  const errors: WaymarkError[] = [];
  const logs: string[] = [];
  const redeemed: string[] = [];
  let flushes = 0;
  const host = fakeHost();

  const apply = (name: string, props: Props) => {
    const id = String(props.promptId);
    const entry = (state.prompts[id] ??= history({}));
    if (name === '$prompt_shown') {
      entry.shown++;
      entry.lastShownAt = state.lastPromptShownAt = state.now;
      state.promptsShownThisSession++;
    }
    if (name === '$prompt_answered' && props.complete === true) entry.answered++, (entry.lastAnsweredAt = state.now);
    if (name === '$prompt_dismissed') entry.dismissed++, (entry.lastDismissedAt = state.now);
  };

  const controller = createPromptController({
    config: () => config,
    facts: () =>
      makeFacts({
        now: state.now,
        stage: state.stage,
        page: { ...makeFacts().page, path: state.path },
        prompts: state.prompts,
        lastPromptShownAt: state.lastPromptShownAt,
        promptsShownThisSession: state.promptsShownThisSession,
      }),
    anonymousId: () => options.anonymousId ?? 'visitor-1',
    host,
    record: (name, props) => {
      recorded.push({ name, props });
      apply(name, props);
    },
    widgetEnv: () => ({ locale: 'en', defaultLocale: 'en', theme: { accent: '#123456' }, vars: { points: 120 } }),
    offer: (offerId) => config.rewards?.offers?.find((offer) => offer.id === offerId),
    redeem: (offerId) => {
      if (offerId === 'throws') throw new Error('ledger unavailable');
      redeemed.push(offerId);
    },
    flushSoon: () => void flushes++,
    pollResultsUrl: options.pollResultsUrl ?? (() => null),
    newId: uuidv7,
    namespace: options.namespace ?? `test-${Math.random()}`,
    onError: (error) => void errors.push(error),
    debug: (message) => void logs.push(message),
  });

  const fire = async (name: string, props: Props = {}) => {
    controller.onTouchpoint({
      id: uuidv7(state.now),
      name,
      props,
      ts: new Date(state.now).toISOString(),
      anonymousId: 'visitor-1',
      userId: null,
      sessionId: 's',
      page: { url: `https://shop.test${state.path}`, path: state.path, referrer: '', title: '' },
    });
    await settle();
  };

  return {
    controller,
    host,
    state,
    recorded,
    errors,
    logs,
    redeemed,
    flushes: () => flushes,
    fire,
    navigate: (path: string) => {
      state.path = path;
      return fire('$page_view', { path });
    },
    names: () => recorded.map((entry) => entry.name),
  };
}
