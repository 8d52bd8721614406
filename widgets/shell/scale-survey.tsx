import { useState } from 'preact/hooks';
import type { Text } from '../contract.js';
import type { Session } from '../session.js';
import type { Env } from './env.js';
import { FollowUp } from './follow-up.js';
import { type Option, Options } from './options.js';

export interface ScaleSurveyProps {
  env: Env;
  session: Session;
  question: Text;
  /** The options for the current score (stars fill up to it). */
  options(score: number | undefined): Option[];
  /** Class of the option group: `n` (NPS grid), `st` (stars), `em` (emoji, thumbs). */
  className: string;
  lowLabel: string;
  highLabel: string;
  followUpFor(score: number): Text | undefined;
  placeholder: Text | undefined;
  finish(): void;
}

/** A question answered on a scale (NPS, every rating), then an optional follow-up. */
export function ScaleSurvey(props: ScaleSurveyProps) {
  const { env, session, options, className, lowLabel, highLabel, followUpFor, finish } = props;
  const [score, setScore] = useState<number>();
  const labelled = lowLabel || highLabel;
  return (
    <>
      <h2 id="h" class="wm-heading">
        {env.text(props.question)}
      </h2>
      <Options
        options={options(score)}
        selected={score === undefined ? [] : [score]}
        onPick={(value) => {
          setScore(value);
          session.answer({ score: value }, false);
        }}
        className={className}
        labelledBy="h"
        {...(labelled ? { describedBy: 'lh' } : {})}
        rtl={env.dir === 'rtl'}
      />
      {labelled && (
        <div id="lh" class="wm-end-labels">
          <span>{lowLabel}</span>
          <span>{highLabel}</span>
        </div>
      )}
      {score !== undefined && (
        <FollowUp
          env={env}
          question={env.text(followUpFor(score))}
          placeholder={env.text(props.placeholder)}
          onSubmit={(comment) => {
            session.answer(comment ? { score, comment } : { score }, true);
            finish();
          }}
        />
      )}
    </>
  );
}
