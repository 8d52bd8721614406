import type { KindProps } from '../kind.js';
import { Poll } from './poll.js';
import { Quiz } from './quiz.js';
import { Survey } from './survey.js';

/**
 * The chunk of the kinds that ask several questions (dist/waymark-survey.js: survey, quiz and poll),
 * loaded beside the widgets shell only when one shows. It bundles no preact and no shell code:
 * the shell hands them to `install()` first (see shell-lib.ts), so one preact runs the page and
 * either file can be fetched again after a failed load.
 */
export { install } from './shell-lib.js';

export function Kind(props: KindProps) {
  const { kind } = props.props.prompt;
  return kind === 'quiz' ? <Quiz {...props} /> : kind === 'poll' ? <Poll {...props} /> : <Survey {...props} />;
}
