import type { GateReport } from './explanation.js';
import type { Config, Prompt } from '../config/schema.js';
import { evaluate, explainCondition } from '../rules/conditions.js';
import type { Facts } from '../rules/facts.js';
import { span } from './durations.js';
import { sampleBucket } from './sample.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/**
 * Every gate between a fired trigger and a prompt on screen, in order: `if`, `schedule`,
 * `sample`, the prompt's `frequency`, then the config's global `limits`. Pure: the same
 * config, facts and visitor give the same answer, which `explain()` shows as is.
 */
export function checkGates(prompt: Prompt, config: Config, facts: Facts, anonymousId: string): GateReport[] {
  const reports: GateReport[] = [];
  const { now } = facts;
  const gate = (name: string, pass: boolean, reason: string) => reports.push({ gate: name, pass, reason: `${name}: ${reason}` });
  /** "shown 2 days ago, 88 days left": a waiting period since `at`. */
  const wait = (name: string, what: string, at: number | null | undefined, windowMs: number, never = `never ${what}`) => {
    if (at == null) return gate(name, true, never);
    const elapsed = now - at;
    gate(name, elapsed >= windowMs, `${what} ${span(elapsed)} ago, ${elapsed >= windowMs ? 'wait is over' : `${span(windowMs - elapsed, Math.ceil)} left`}`);
  };

  if (prompt.if === undefined) gate('if', true, 'no condition');
  else if (evaluate(prompt.if, facts)) gate('if', true, 'holds');
  else gate('if', false, deepestFailures(explainCondition(prompt.if, facts)));

  const start = Date.parse(prompt.schedule?.start ?? '');
  const end = Date.parse(prompt.schedule?.end ?? '');
  if (now < start) gate('schedule', false, `starts in ${span(start - now, Math.ceil)}`);
  else if (now >= end) gate('schedule', false, `ended ${span(now - end)} ago`);
  else gate('schedule', true, 'running');

  const share = prompt.sample ?? 1;
  const bucket = sampleBucket(anonymousId, prompt.id);
  gate('sample', bucket < share, share < 1 ? `visitor is at ${percent(bucket)} of a ${percent(share)} sample` : 'everyone');

  const frequency = prompt.frequency ?? {};
  const history = facts.prompts[prompt.id];
  const shown = history?.shown ?? 0;
  // A tab is opened by the visitor: opening and closing it is not the one time `once` allows.
  const tab = prompt.presentation?.placement === 'tab';
  if (frequency.once && tab) gate('once', !history?.answered, history?.answered ? 'answered once, its tab is gone' : 'not answered yet');
  else if (frequency.once) gate('once', !shown, shown ? `already shown ${span(now - (history?.lastShownAt ?? now))} ago` : 'not shown yet');
  if (frequency.cooldownDays !== undefined) wait('cooldown', 'shown', history?.lastShownAt, frequency.cooldownDays * DAY_MS);
  if (frequency.maxShows !== undefined) gate('maxShows', shown < frequency.maxShows, `shown ${shown} of ${frequency.maxShows} times`);
  if (frequency.afterDismissDays !== undefined) wait('afterDismiss', 'dismissed', history?.lastDismissedAt, frequency.afterDismissDays * DAY_MS);
  if (history?.answered && !frequency.repeat)
    gate('answered', false, `answered ${span(now - (history.lastAnsweredAt ?? now))} ago; set frequency.repeat to ask again`);
  else gate('answered', true, history?.answered ? 'answered before, and repeat is on' : 'not answered yet');

  // The global limits pace the prompts the visitor did not ask for; a tab waits to be asked.
  const limits = (!tab && config.limits) || {};
  if (limits.cooldownHours !== undefined)
    wait('global cooldown', 'a prompt was shown', facts.lastPromptShownAt, limits.cooldownHours * HOUR_MS, 'no prompt shown yet');
  if (limits.maxPerSession !== undefined)
    gate(
      'session cap',
      facts.promptsShownThisSession < limits.maxPerSession,
      `${facts.promptsShownThisSession} of ${limits.maxPerSession} prompts shown this session`,
    );
  return reports;
}

/** The failing leaves of an `if`, not the all/any lines above them that fail because of them. */
function deepestFailures(traces: ReturnType<typeof explainCondition>): string {
  const failing = traces.filter((trace) => !trace.pass);
  const leaves = failing.filter(
    (trace) => !failing.some((other) => other !== trace && /^[.[]/.test(other.path.slice(trace.path.length)) && other.path.startsWith(trace.path)),
  );
  return leaves.map((trace) => trace.reason).join('; ') || 'does not hold';
}
