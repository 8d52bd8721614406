import type { RewardPrompt } from './contract.js';
import type { KindProps } from './kind.js';
import { POINTS, REDEEM } from './shell/i18n.js';

/**
 * Progress towards the next tier, 0–1: `vars.tierProgress` when the controller knows the
 * tier bounds, else points / (points + toNextTier).
 */
export function tierProgress(vars: Record<string, string | number>): number | undefined {
  const { tierProgress: given, points, toNextTier } = vars;
  if (typeof given === 'number') return Math.min(1, Math.max(0, given));
  return typeof points === 'number' && typeof toNextTier === 'number' && toNextTier > 0 && points >= 0 ? points / (points + toNextTier) : undefined;
}

/** A points toast with tier progress, or an offer card whose button asks to redeem. */
export function Reward({ props, env, session, finish }: KindProps) {
  const { content } = props.prompt as RewardPrompt;
  const { offer, vars, challenge } = props;
  // A challenge's card shows how far its steps are, instead of the way to the next tier.
  const progress = challenge ? challenge.progress : tierProgress(vars);
  const body = env.text(content.body);
  const points = vars.points;
  return (
    <>
      <h2 id="h" class="wm-heading">
        {env.text(content.title)}
      </h2>
      {body && <p id="d">{body}</p>}
      {progress !== undefined && !offer && (
        <div
          class="wm-progress"
          role="progressbar"
          aria-labelledby={body ? 'd' : 'h'}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
        >
          <i style={{ width: `${progress * 100}%` }} />
        </div>
      )}
      {challenge && (
        <ol class="wm-challenge-steps">
          {challenge.steps.map((step) => (
            <li class={step.done ? 'wm-step-done' : undefined}>
              <span aria-hidden="true">{step.done ? '✓' : '○'}</span> {env.text(step.label) || step.event}{' '}
              <span class="wm-small">
                {env.num(step.count)}/{env.num(step.required)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {offer && (
        <div class="wm-offer">
          <p class="wm-offer-label">{env.text(offer.label)}</p>
          {offer.description && <p class="wm-small">{env.text(offer.description)}</p>}
          <p class="wm-small">
            {env.num(offer.cost)} {env.t[POINTS]}
          </p>
          <button
            type="button"
            class="wm-button"
            disabled={typeof points === 'number' && points < offer.cost}
            onClick={() => {
              session.redeem(offer.id);
              finish();
            }}
          >
            {env.text(content.cta) || env.t[REDEEM]}
          </button>
        </div>
      )}
    </>
  );
}
