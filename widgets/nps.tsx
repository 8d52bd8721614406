import { npsBand } from '../src/prompts/nps-band.js';
import type { NpsPrompt } from './contract.js';
import type { KindProps } from './kind.js';
import { NPS_LOW } from './shell/i18n.js';
import { ScaleSurvey } from './shell/scale-survey.js';

const SCORES = Array.from({ length: 11 }, (_, score) => ({ value: score, content: score }));

/** Net Promoter Score: 0–10, then the follow-up question of the score's band. */
export function Nps({ props, env, session, finish }: KindProps) {
  const { content } = props.prompt as NpsPrompt;
  return (
    <ScaleSurvey
      env={env}
      session={session}
      question={content.question}
      options={() => SCORES}
      className="wm-nps-scale"
      lowLabel={env.text(content.lowLabel) || env.t[NPS_LOW]!}
      highLabel={env.text(content.highLabel) || env.t[NPS_LOW + 1]!}
      followUpFor={(score) => content.followUp?.[npsBand(score)]}
      placeholder={content.placeholder}
      finish={finish}
    />
  );
}
