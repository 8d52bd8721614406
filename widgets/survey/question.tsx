import { useMemo } from 'preact/hooks';
import type { SurveyQuestion } from '../../src/config/survey.js';
import type { WidgetAnswer } from '../contract.js';
import { ratingScale } from '../rating.js';
import type { Env } from '../shell/env.js';
import { CES_LOW, CSAT_LOW, NPS_LOW, OTHER } from '../shell/ui-index.js';
import { type Option, Options } from '../shell/options.js';

interface QuestionProps {
  question: SurveyQuestion;
  env: Env;
  answer: WidgetAnswer | undefined;
  onChange(answer: WidgetAnswer | undefined): void;
}

const SCORES: Option[] = Array.from({ length: 11 }, (_, score) => ({ value: score, content: score }));

/** One survey question: its heading, then what answers it (a scale, choices, a text field or nothing). */
export function Question(props: QuestionProps) {
  const { question, env } = props;
  return (
    <>
      <h2 id="h" class="wm-heading" tabIndex={-1}>
        {env.text(question.text)}
      </h2>
      {question.type === 'info' ? (
        question.body && <p>{env.text(question.body)}</p>
      ) : question.type === 'text' ? (
        <TextAnswer {...props} question={question} />
      ) : question.type === 'single' || question.type === 'multiple' ? (
        <ChoiceAnswer {...props} question={question} />
      ) : (
        <ScaleAnswer {...props} question={question} />
      )}
    </>
  );
}

function ScaleAnswer({ question, env, answer, onChange }: QuestionProps & { question: Extract<SurveyQuestion, { type: 'nps' | 'rating' }> }) {
  const rating = question.type === 'rating' ? ratingScale(question) : null;
  const labels = !rating
    ? NPS_LOW
    : question.type === 'rating' && question.metric === 'ces'
      ? CES_LOW
      : question.type === 'rating' && question.metric === 'none'
        ? 0
        : CSAT_LOW;
  const low = env.text(question.lowLabel) || (labels ? env.t[labels]! : '');
  const high = env.text(question.highLabel) || (labels ? env.t[labels + 1]! : '');
  const score = answer?.score;
  return (
    <>
      <Options
        options={rating ? rating.options(score) : SCORES}
        selected={score === undefined ? [] : [score]}
        onPick={(value) => onChange({ score: value })}
        className={rating ? rating.className : 'wm-nps-scale'}
        labelledBy="h"
        {...(low || high ? { describedBy: 'lh' } : {})}
        rtl={env.dir === 'rtl'}
      />
      {(low || high) && (
        <div id="lh" class="wm-end-labels">
          <span>{low}</span>
          <span>{high}</span>
        </div>
      )}
    </>
  );
}

/** Choices in the config's order, or shuffled once per display; "Other" stays last. Answers use the default-locale labels. */
function ChoiceAnswer({ question, env, answer, onChange }: QuestionProps & { question: Extract<SurveyQuestion, { type: 'single' | 'multiple' }> }) {
  const { choices } = question;
  const otherValue = choices.length;
  const order = useMemo(() => {
    const values = choices.map((_, value) => value);
    if (question.shuffle) values.sort(() => Math.random() - 0.5);
    return values;
  }, [question]);
  const options: Option[] = order.map((value) => ({ value, content: env.text(choices[value]!) }));
  if (question.other) options.push({ value: otherValue, content: env.t[OTHER]! });
  const labels = choices.map((choice) => env.canonical(choice));
  const picked = (answer?.choices ?? []).map((label) => labels.indexOf(label)).filter((value) => value >= 0);
  if (answer?.other !== undefined) picked.push(otherValue);
  const report = (values: number[], other: string | undefined) => {
    const chosen = values.filter((value) => value < otherValue).sort((a, b) => a - b);
    onChange(values.length ? { choices: chosen.map((value) => labels[value]!), ...(values.includes(otherValue) ? { other: other ?? '' } : {}) } : undefined);
  };
  const pick = (value: number) => {
    const multiple = question.type === 'multiple';
    report(multiple ? (picked.includes(value) ? picked.filter((kept) => kept !== value) : [...picked, value]) : [value], answer?.other);
  };
  return (
    <>
      <Options
        options={options}
        selected={picked}
        multiple={question.type === 'multiple'}
        onPick={pick}
        className="wm-choices"
        labelledBy="h"
        rtl={env.dir === 'rtl'}
      />
      {picked.includes(otherValue) && (
        <input
          class="wm-input"
          aria-label={env.t[OTHER]}
          maxLength={500}
          placeholder={env.text(question.placeholder)}
          value={answer?.other ?? ''}
          onInput={(event) => report(picked, (event.currentTarget as HTMLInputElement).value)}
        />
      )}
    </>
  );
}

function TextAnswer({ question, env, answer, onChange }: QuestionProps & { question: Extract<SurveyQuestion, { type: 'text' }> }) {
  const Field = question.long ? 'textarea' : 'input';
  return (
    <Field
      id="c"
      class="wm-input"
      aria-labelledby="h"
      maxLength={question.maxLength ?? 1000}
      placeholder={env.text(question.placeholder)}
      value={answer?.comment ?? ''}
      onInput={(event) => {
        const value = (event.currentTarget as HTMLInputElement).value;
        onChange(value.trim() ? { comment: value } : undefined);
      }}
    />
  );
}
