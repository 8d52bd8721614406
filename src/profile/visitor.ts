import type { Config } from '../config/schema.js';
import type { WaymarkError } from '../errors.js';
import { noLedger } from '../rewards/no-ledger.js';
import type { Ledger } from '../rewards/live-ledger.js';
import { createProfile, type Profile } from './profile.js';
import type { PageExit } from '../lifecycle/page-exit.js';
import { createProfileStore } from './store.js';
import type { Facts } from '../rules/facts.js';
import { stageChange } from '../rules/stages.js';
import { detectDevice } from '../track/device.js';
import { rewardVars } from '../rewards/earning-rules.js';
import type { ChallengeView } from '../rewards/challenge-view.js';
import type { JourneyView, ReferralLink } from '../rewards/visitor-journeys.js';
import type { Prompt } from '../config/schema.js';
import { RESERVED, type Props, type Touchpoint } from '../types.js';

export interface Derived {
  name: string;
  props: Props;
}

export interface Visitor {
  /** Applies a touchpoint to the profile and the ledger → the touchpoints it causes. */
  apply(touchpoint: Touchpoint, own: boolean): Derived[];
  /** Re-derives the stage without a touchpoint (a `withinDays` window may have closed). */
  restage(): Derived[];
  facts(): Facts;
  vars(): Record<string, string | number>;
  /** What a prompt shows: placeholders, and for a reward prompt with `challenge` that challenge. */
  widgetExtras(prompt?: Prompt): { vars: Record<string, string | number>; challenge?: ChallengeView };
  challenges(): Record<string, ChallengeView>;
  /** The visitor's referral link → what to record with it (the code, the first time). */
  referral(base?: string): { link: ReferralLink | null; records: Derived[] };
  /** What the landing URL's query says: a referral code → `$referred`, once per visitor. */
  landing(search: string): Derived[];
  readonly ledger: Ledger;
  readonly stage: string | null;
  /** A new visitor: fresh profile and ledger (reset()). */
  forget(): void;
  close(): void;
}

const EMPTY_CONFIG: Config = { version: 1 };
/** One object, so `wm.state.challenges` does not fire for a config without challenges. */
const NO_CHALLENGES: Record<string, ChallengeView> = {};
// The engine is an ES chunk, so its own import() already resolves next to it: it needs neither
// the core's chunk base nor a copy of lazy() of its own.
const loadRewards = () => import('../lazy/rewards.js');

/** Only a config with rewards loads the ledger's chunk; it comes while the profile loads. */
async function openRewards(config: Config | null, namespace: string, onChange: () => void, report: (error: WaymarkError) => void) {
  if (!config?.rewards) return { ledger: noLedger(), journeys: undefined };
  const chunk = await loadRewards();
  const ledger = await chunk.openLedger(config, namespace, onChange, report);
  return { ledger, journeys: chunk.createJourneyView(config, ledger) };
}

/** The visitor's challenges and referrals; a config without rewards has none. */
function journeyParts(journeys: JourneyView | undefined): Pick<Visitor, 'challenges' | 'referral' | 'landing'> {
  return {
    challenges: () => journeys?.challenges() ?? NO_CHALLENGES,
    referral: (base) => journeys?.referral(base, globalThis.location?.href ?? 'https://invalid/') ?? { link: null, records: [] },
    landing: (search) => journeys?.landing(search) ?? [],
  };
}

/**
 * What is known about the visitor — profile, points, stage — loaded from IndexedDB once the
 * config is known (the config decides which counters the profile keeps).
 */
export async function openVisitor(
  config: Config | null,
  namespace: string,
  locale: string,
  report: (error: WaymarkError) => void,
  onChange: () => void,
  pageExit: PageExit,
): Promise<Visitor> {
  const store = createProfileStore(namespace, report, pageExit);
  const [stored, { ledger, journeys }] = await Promise.all([store.load(), openRewards(config, namespace, onChange, report)]);
  let profile: Profile = createProfile(config, stored);
  let device = detectDevice();
  let lastDelta = 0;

  const facts = () => profile.facts({ now: Date.now(), points: ledger.points, tier: ledger.tier, locale, device });

  const restage = (): Derived[] => {
    const change = stageChange(config?.stages, facts());
    if (!change) return [];
    profile.stage = change.to;
    onChange();
    return [{ name: RESERVED.stage, props: change }];
  };

  return {
    apply(touchpoint, own) {
      const { name, props } = touchpoint;
      if (own && name === RESERVED.pageView) device = detectDevice();
      if (own && name === RESERVED.points && typeof props.delta === 'number') lastDelta = props.delta;
      profile.apply(touchpoint, own);
      const derived: Derived[] = ledger.apply(touchpoint);
      derived.push(...restage());
      store.save(profile.toJSON());
      // Prompt history decides frequency caps: write it now, a reload may follow at once.
      if (name.startsWith('$prompt_')) void store.flush();
      return derived;
    },
    restage,
    facts,
    vars: () => ({ ...rewardVars(config ?? EMPTY_CONFIG, ledger, lastDelta, locale) }),
    widgetExtras(prompt) {
      const extras = journeys?.forPrompt(prompt) ?? { vars: {} };
      return { ...extras, vars: { ...rewardVars(config ?? EMPTY_CONFIG, ledger, lastDelta, locale), ...extras.vars } };
    },
    ...journeyParts(journeys),
    ledger,
    get stage() {
      return profile.stage;
    },
    forget() {
      void store.clear();
      ledger.clear();
      profile = createProfile(config);
      lastDelta = 0;
      onChange();
    },
    close: () => void store.close(),
  };
}
