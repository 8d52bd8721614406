import { useEffect, useRef, useState } from 'preact/hooks';
import type { SurveyPrompt } from '../../src/config/prompts.js';
import type { SurveyResume, WidgetAnswer } from '../contract.js';
import type { KindProps } from '../kind.js';
import { SUBMIT } from '../shell/ui-index.js';
import { hasAnswer, nextQuestion, remainingSteps, SURVEY_END } from './flow.js';
import { Question } from './question.js';
import { BACK, count, NEXT, STEP_OF, surveyStrings } from './strings.js';

/**
 * Several questions, one at a time: each answer is reported when the visitor moves on
 * (`questionId`, `complete` on the one that ends the survey), Back returns along the path
 * taken, and the progress counts the shortest way still ahead.
 */
export function Survey({ props, env, session, finish }: KindProps) {
  const prompt = props.prompt as SurveyPrompt;
  const { questions } = prompt;
  const t = surveyStrings(props.locale, props.defaultLocale);
  const [{ path, answers }, setState] = useState(() => startingPoint(props));
  // Saved as it changes, not after the next paint: a reload right after a move resumes from it.
  const setProgress = (next: SurveyResume) => (setState(next), props.onProgress?.(next));
  const setPath = (next: string[]) => setProgress({ path: next, answers });
  const setAnswers = (next: Record<string, WidgetAnswer | undefined>) => setProgress({ path, answers: next });
  const heading = useRef<HTMLDivElement>(null);
  const currentId = path[path.length - 1]!;
  const index = questions.findIndex((question) => question.id === currentId);
  const question = questions[index]!;
  const answer = answers[currentId];
  const given = hasAnswer(answer && trimmed(answer));
  const target = nextQuestion(questions, index, given ? answer : undefined);
  const last = target === SURVEY_END;

  // A new question takes focus on its heading, so a screen reader reads it and Tab goes on from there.
  const opened = useRef(currentId);
  useEffect(() => {
    if (currentId !== opened.current) heading.current?.querySelector<HTMLElement>('#h')?.focus();
  }, [currentId]);

  const onNext = () => {
    if (question.required && !given) return;
    if (given || last) session.answer({ ...(given ? trimmed(answer) : {}), questionId: currentId }, last);
    if (last) finish();
    else setPath([...path, target]);
  };
  const step = path.length;
  const total = step + remainingSteps(questions, target);
  const title = prompt.content?.title;
  return (
    <div ref={heading}>
      {title && <p class="wm-small">{env.text(title)}</p>}
      <p class="wm-small">{count(t[STEP_OF]!, env.num(step), env.num(total))}</p>
      <div class="wm-progress" aria-hidden="true">
        <i style={{ width: `${(100 * (step - 1)) / total}%` }} />
      </div>
      <Question key={currentId} question={question} env={env} answer={answer} onChange={(value) => setAnswers({ ...answers, [currentId]: value })} />
      <div class="wm-group">
        {step > 1 && (
          <button type="button" class="wm-button" onClick={() => setPath(path.slice(0, -1))}>
            {t[BACK]}
          </button>
        )}
        <button type="button" class="wm-button" disabled={question.required === true && !given} onClick={onNext}>
          {question.type === 'info' && question.button ? env.text(question.button) : last ? env.t[SUBMIT] : t[NEXT]}
        </button>
      </div>
    </div>
  );
}

/** Where a reload left the survey (if every question on that path is still in it), else its first question. */
export function startingPoint({ prompt, resume }: KindProps['props']): SurveyResume {
  const { questions } = prompt as SurveyPrompt;
  const known = resume?.path.length && resume.path.every((id) => questions.some((question) => question.id === id));
  return known ? { path: resume!.path, answers: { ...resume!.answers } } : { path: [questions[0]!.id], answers: {} };
}

/** What is reported: texts without the spaces around them. */
function trimmed(answer: WidgetAnswer): WidgetAnswer;
function trimmed(answer: WidgetAnswer | undefined): WidgetAnswer | undefined;
function trimmed(answer: WidgetAnswer | undefined): WidgetAnswer | undefined {
  if (!answer) return undefined;
  const { comment, other } = answer;
  return { ...answer, ...(comment !== undefined ? { comment: comment.trim() } : {}), ...(other !== undefined ? { other: other.trim() } : {}) };
}
