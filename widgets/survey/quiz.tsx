import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuizPrompt, SurveyQuestion } from '../../src/config/schema.js';
import type { SurveyResume } from '../contract.js';
import type { KindProps } from '../kind.js';
import { SUBMIT } from '../shell/ui-index.js';
import { hasAnswer } from './flow.js';
import { Question } from './question.js';
import { CHECK, count, NEXT, RIGHT, SCORE, STEP_OF, surveyStrings, WRONG } from './strings.js';
import { startingPoint } from './survey.js';

type QuizQuestion = QuizPrompt['questions'][number];

/** Exactly the right choices, in any order (the engine checks the same way when it records). */
const isRight = (question: QuizQuestion, choices: string[] = []) =>
  choices.length === question.correct.length && question.correct.every((label) => choices.includes(label));

/** The right choices as the visitor reads them (the config names them in its default locale). */
const rightChoices = (question: QuizQuestion, env: KindProps['env']) =>
  question.choices.filter((choice) => question.correct.includes(env.canonical(choice))).map((choice) => env.text(choice));

/**
 * One question at a time: the visitor picks, checks, reads whether it was right (and why),
 * then goes on. Each answer is reported when checked; the last one completes the quiz and
 * shows the score. The engine records `$quiz_completed` with it.
 */
export function Quiz({ props, env, session, finish }: KindProps) {
  const { questions, content } = props.prompt as QuizPrompt;
  const t = surveyStrings(props.locale, props.defaultLocale);
  const [{ path, answers }, setState] = useState(() => startingPoint(props));
  const setProgress = (next: SurveyResume) => (setState(next), props.onProgress?.(next));
  const [checked, setChecked] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const currentId = path[path.length - 1]!;
  const index = questions.findIndex((question) => question.id === currentId);
  const question = questions[index]!;
  const answer = answers[currentId];
  const last = index === questions.length - 1;
  const opened = useRef(currentId);
  useEffect(() => {
    if (currentId !== opened.current) panel.current?.querySelector<HTMLElement>('#h')?.focus();
  }, [currentId]);

  const score = path.filter((id) => isRight(questions.find((candidate) => candidate.id === id)!, answers[id]?.choices)).length;
  const onButton = () => {
    if (!checked) {
      setChecked(true);
      session.answer({ choices: answer?.choices ?? [], questionId: currentId }, last);
    } else if (last) finish();
    else {
      setChecked(false);
      setProgress({ path: [...path, questions[index + 1]!.id], answers });
    }
  };
  const right = isRight(question, answer?.choices);
  return (
    <div ref={panel}>
      {content?.title && <p class="wm-small">{env.text(content.title)}</p>}
      <p class="wm-small">{count(t[STEP_OF]!, env.num(index + 1), env.num(questions.length))}</p>
      <Question
        key={currentId}
        question={{ ...question, correct: undefined } as unknown as SurveyQuestion}
        env={env}
        answer={answer}
        onChange={(value) => checked || setProgress({ path, answers: { ...answers, [currentId]: value } })}
      />
      {checked && (
        <p role="status" class="wm-follow-up-label">
          {right ? t[RIGHT] : `${t[WRONG]}${rightChoices(question, env).join(', ')}`} {question.explanation && env.text(question.explanation)}
          {last && ` ${count(t[SCORE]!, env.num(score), env.num(questions.length))}`}
        </p>
      )}
      <button type="button" class="wm-button" disabled={!hasAnswer(answer)} onClick={onButton}>
        {!checked ? t[CHECK] : last ? env.t[SUBMIT] : t[NEXT]}
      </button>
    </div>
  );
}
