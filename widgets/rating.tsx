import type { RatingPrompt } from './contract.js';
import type { KindProps } from './kind.js';
import { CES_LOW, CSAT_LOW } from './shell/i18n.js';
import type { Option } from './shell/options.js';
import { ScaleSurvey } from './shell/scale-survey.js';

/** Faces from angry to delighted; a shorter scale takes evenly spaced ones. */
const FACES = [...'😡😠😞🙁😕😐🙂😊😀😍'];

/** stars, emoji and numeric take `max` 3–10 (default 5); thumbs is down (1) or up (2). */
export function ratingMax({ scale, max }: Pick<RatingPrompt, 'scale' | 'max'>): number {
  return scale === 'thumbs' ? 2 : Math.min(10, Math.max(3, max ?? 5));
}

/** The follow-up shows below/above the thresholds given, or always when none is. */
export function wantsFollowUp(followUp: NonNullable<RatingPrompt['content']['followUp']>, score: number): boolean {
  const { below, above } = followUp;
  return (below === undefined && above === undefined) || (below !== undefined && score < below) || (above !== undefined && score > above);
}

/** The options of a rating scale for the score chosen so far (stars fill up to it), and the class of their group. */
export function ratingScale(rating: Pick<RatingPrompt, 'scale' | 'max'>): { options(score: number | undefined): Option[]; className: string } {
  const scale = rating.scale ?? 'stars';
  const max = ratingMax(rating);
  const values = Array.from({ length: max }, (_, index) => index + 1);
  return {
    options: (score) =>
      values.map((value) =>
        scale === 'stars'
          ? { value, content: score !== undefined && value <= score ? '★' : '☆', name: String(value) }
          : scale === 'thumbs'
            ? { value, content: value === 1 ? '👎' : '👍' }
            : { value, content: scale === 'emoji' ? FACES[Math.round(((value - 1) * 9) / (max - 1))] : value },
      ),
    className: scale === 'stars' ? 'wm-stars' : scale === 'numeric' ? '' : 'wm-emoji',
  };
}

/** A rating on stars, thumbs, emoji or numbers, reported as 1..max. */
export function Rating({ props, env, session, finish }: KindProps) {
  const prompt = props.prompt as RatingPrompt;
  const { content } = prompt;
  const { options, className } = ratingScale(prompt);
  const labels = prompt.metric === 'csat' ? CSAT_LOW : prompt.metric === 'ces' ? CES_LOW : 0;
  const defaultLabel = (offset: number) => (labels ? env.t[labels + offset]! : '');
  const followUp = content.followUp;
  return (
    <ScaleSurvey
      env={env}
      session={session}
      question={content.question}
      options={options}
      className={className}
      lowLabel={env.text(content.lowLabel) || defaultLabel(0)}
      highLabel={env.text(content.highLabel) || defaultLabel(1)}
      followUpFor={(score) => (followUp && wantsFollowUp(followUp, score) ? followUp.question : undefined)}
      placeholder={content.placeholder}
      finish={finish}
    />
  );
}
