import type { Config } from '../config/schema.js';
import { RESERVED, type Props, type Touchpoint } from '../types.js';
import { setOwn } from '../rules/lookup.js';
import { DAY_MS, localDay, localWeek, rulePoints, tierFor, tzOffsetOf } from './earning-rules.js';
import { stepChallenges } from './challenges.js';
import { expirePoints, notePointsChange } from './expiry.js';
import { JOURNEY, LEDGER_OUTPUTS, journeyInputNames } from './journey-names.js';
import { awardReferral } from './referral-award.js';
import type { LedgerOutput, LedgerState, PointsProps } from './ledger-state.js';
import { hasOwn, type StepContext } from './step-context.js';
import { stepStreaks } from './streaks.js';

export type { LedgerOutput, LedgerState, PointsProps, TierProps } from './ledger-state.js';

/**
 * Ids are remembered for the longest cap window (a week) plus a day. An input older than
 * that, relative to the newest one applied, is ignored: it is a duplicate whose id was
 * forgotten or comes from a clock far off, and awarding it could break a cap.
 */
export const HORIZON_MS = 8 * DAY_MS;
/** Per-day award counts kept: the horizon plus the six earlier days of its oldest week. */
const KEEP_DAYS = 16;

export const emptyLedger = (config: Config): LedgerState => ({
  v: 1,
  points: 0,
  lifetime: 0,
  tier: tierFor(config, 0),
  awards: {},
  seen: {},
  latest: 0,
});

/** Whether the ledger reads this touchpoint at all; a `trusted` rule counts only for trusted inputs. */
function isInput(config: Config, name: string, trusted: boolean): boolean {
  if (LEDGER_OUTPUTS.has(name)) return false;
  if (name === JOURNEY.referral) return trusted && config.rewards?.referrals !== undefined;
  if (name === RESERVED.redeem || journeyInputNames(config).has(name)) return true;
  return (config.rewards?.rules ?? []).some((rule) => rule.on === name && (trusted || !rule.trusted));
}

/**
 * Applies one touchpoint to `state` in place: the single implementation the browser,
 * `replay()` and the collector share. Returns what to record, or null when the touchpoint is
 * no ledger input (nothing listens to it, a ledger output, already applied, or past the horizon).
 * `trusted` is true only for touchpoints a backend recorded through the collector's admin route.
 */
export function stepLedger(config: Config, state: LedgerState, touchpoint: Touchpoint, trusted = false): LedgerOutput[] | null {
  const { name, id } = touchpoint;
  const at = Date.parse(touchpoint.ts);
  if (!isInput(config, name, trusted)) return null;
  if (!(at >= state.latest - HORIZON_MS) || hasOwn(state.seen, id)) return null;

  const props: Props = touchpoint.props ?? {};
  const day = localDay(at, tzOffsetOf(props));
  if (Math.floor(at / DAY_MS) > Math.floor(state.latest / DAY_MS)) prune(state, at, day);
  setOwn(state.seen, id, at);
  state.latest = Math.max(state.latest, at);

  const output: LedgerOutput[] = [];
  const lifetimeBefore = state.lifetime;
  const change = (delta: number, rule: string, offerId?: string) => {
    state.points += delta;
    if (delta > 0) state.lifetime += delta;
    notePointsChange(config, state, delta, rule, at);
    const changed: PointsProps = { delta, rule, balance: state.points, lifetime: state.lifetime, source: id };
    if (offerId) changed.offerId = offerId;
    output.push({ name: '$points', props: changed });
  };
  const context: StepContext = { config, state, touchpoint: { ...touchpoint, props }, props, at, day, output, change };

  expirePoints(context);
  if (name === RESERVED.stage) state.stage = typeof props.to === 'string' ? props.to : null;
  if (name === RESERVED.redeem) redeemOffer(context);
  if (name === JOURNEY.referral) awardReferral(context);
  applyRules(context, trusted);
  stepChallenges(context);
  stepStreaks(context);

  // Only a crossing of a tier boundary moves the tier, so a tier the server set is kept.
  const tier = tierFor(config, state.lifetime);
  if (tier !== tierFor(config, lifetimeBefore) && tier !== state.tier) {
    output.push({ name: '$tier', props: { from: state.tier, to: tier, source: id } });
    state.tier = tier;
  }
  return output;
}

function redeemOffer({ config, state, props, change }: StepContext) {
  // The cost comes from the config, never from the touchpoint: a client cannot set its price.
  const offer = config.rewards?.offers?.find((candidate) => candidate.id === props.offerId);
  if (offer && offer.cost <= state.points) change(-offer.cost, RESERVED.redeem, offer.id);
}

function applyRules({ config, state, touchpoint, props, day, change }: StepContext, trusted: boolean) {
  for (const rule of config.rewards?.rules ?? []) {
    if (rule.on !== touchpoint.name || (rule.trusted && !trusted)) continue;
    const points = rulePoints(rule, props);
    if (points <= 0) continue;
    // Own keys only: a rule named `constructor` must not find Object's constructor (issue 11).
    const awards = hasOwn(state.awards, rule.id) ? state.awards[rule.id]! : setOwn(state.awards, rule.id, { n: 0, days: {} });
    const limit = rule.limit ?? {};
    let week = 0;
    for (const key in awards.days) if (localWeek(+key) === localWeek(day)) week += awards.days[key]!;
    const today = awards.days[day] ?? 0;
    if (awards.n >= (limit.lifetime ?? Infinity) || today >= (limit.perDay ?? Infinity) || week >= (limit.perWeek ?? Infinity)) continue;
    awards.n++;
    awards.days[day] = today + 1;
    change(points, rule.id);
  }
}

function prune(state: LedgerState, at: number, day: number) {
  for (const id in state.seen) if (state.seen[id]! < at - HORIZON_MS) delete state.seen[id];
  for (const rule in state.awards) {
    const days = state.awards[rule]!.days;
    for (const key in days) if (+key < day - KEEP_DAYS) delete days[key];
  }
}

/** The pure form: (config, state, touchpoint) → { state, emitted }, leaving `state` untouched. */
export function applyTouchpoint(config: Config, state: LedgerState, touchpoint: Touchpoint): { state: LedgerState; emitted: LedgerOutput[] } {
  const next = structuredClone(state);
  return { state: next, emitted: stepLedger(config, next, touchpoint) ?? [] };
}
