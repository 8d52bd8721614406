import type { PathSegment } from './paths.js';
import { SURVEY_END } from './survey-end.js';

type Obj = Record<string, unknown>;
type Report = (path: PathSegment[], message: string) => void;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The scores a score question takes, or null for a question answered otherwise. */
function scoreRange(question: Obj): [number, number] | null {
  if (question.type === 'nps') return [0, 10];
  if (question.type !== 'rating') return null;
  return [1, question.scale === 'thumbs' ? 2 : typeof question.max === 'number' ? question.max : 5];
}

/** Every label a choice is written with, in any locale: a `next` key names one of them. */
const choiceLabels = (question: Obj): Set<string> =>
  new Set(
    (Array.isArray(question.choices) ? question.choices : []).flatMap((choice): unknown[] =>
      typeof choice === 'string' ? [choice] : isObj(choice) ? Object.values(choice) : [],
    ) as string[],
  );

/** Why a `next` key can never match an answer to this question, or null when it can. */
function keyProblem(question: Obj, key: string): string | null {
  if (key === '*') return null;
  const range = scoreRange(question);
  if (range) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(key);
    const [low, high] = match ? [Number(match[1]), Number(match[2] ?? match[1])] : [NaN, NaN];
    return low >= range[0] && high <= range[1] && low <= high ? null : `"${key}" is not a score or range within ${range[0]}–${range[1]}`;
  }
  if (question.type === 'single' || question.type === 'multiple')
    return choiceLabels(question).has(key) ? null : `"${key}" is not one of the choices (use the choice's label, or "*")`;
  return `a ${String(question.type)} question branches on "*" only`;
}

/** Where each question can lead: its targets and, without `"*"`, the question after it. */
function edges(questions: Obj[], ids: string[]): Array<Array<{ to: string; key: string | null }>> {
  return questions.map((question, index) => {
    const next = isObj(question.next) ? question.next : {};
    const out: Array<{ to: string; key: string | null }> = Object.entries(next).flatMap(([key, to]) => (typeof to === 'string' ? [{ to, key }] : []));
    if (!('*' in next)) out.push({ to: ids[index + 1] ?? SURVEY_END, key: null });
    return out;
  });
}

/** Errors a survey's shape cannot express: reserved and unknown ids, impossible keys, loops. */
export function surveyProblems(prompt: Obj, at: (...rest: PathSegment[]) => PathSegment[], report: Report) {
  const questions = (Array.isArray(prompt.questions) ? prompt.questions : []).filter(isObj);
  if (questions.length !== (Array.isArray(prompt.questions) ? prompt.questions.length : 0)) return;
  const ids = questions.map((question) => String(question.id));
  const known = new Set(ids);
  questions.forEach((question, index) => {
    if (question.id === SURVEY_END) report(at('questions', index, 'id'), `"${SURVEY_END}" is reserved: it is where a survey's branches finish`);
    if (!isObj(question.next)) return;
    for (const [key, to] of Object.entries(question.next)) {
      const path = at('questions', index, 'next', key);
      const problem = keyProblem(question, key);
      if (problem) report(path, problem);
      if (typeof to === 'string' && to !== SURVEY_END && !known.has(to)) report(path, `question "${to}" is not in this survey (or use "${SURVEY_END}")`);
    }
  });
  const loop = findLoop(edges(questions, ids), ids);
  if (loop) report(at('questions', loop.from, 'next', loop.key), `goes back to "${loop.to}": the survey would loop (${loop.path.join(' > ')})`);
}

/** The first branch that closes a loop, with the loop it closes (depth-first from each question). */
function findLoop(graph: ReturnType<typeof edges>, ids: string[]) {
  const state = ids.map(() => 0); // 0 unseen, 1 on the current path, 2 done
  const path: number[] = [];
  const visit = (index: number): { from: number; key: string; to: string; path: string[] } | null => {
    state[index] = 1;
    path.push(index);
    for (const { to, key } of graph[index]!) {
      const target = ids.indexOf(to);
      if (target < 0) continue;
      if (state[target] === 1) return { from: index, key: key ?? '*', to, path: [...path.slice(path.indexOf(target)).map((at) => ids[at]!), to] };
      const found = state[target] === 0 ? visit(target) : null;
      if (found) return found;
    }
    path.pop();
    state[index] = 2;
    return null;
  };
  for (let index = 0; index < ids.length; index++) {
    const found = state[index] === 0 ? visit(index) : null;
    if (found) return found;
  }
  return null;
}

/** Questions no path from the first one reaches: valid, but nobody will ever see them. */
export function unreachableQuestions(prompt: Obj): number[] {
  const questions = (Array.isArray(prompt.questions) ? prompt.questions : []).filter(isObj);
  const ids = questions.map((question) => String(question.id));
  const graph = edges(questions, ids);
  const reached = new Set<number>();
  const stack = questions.length ? [0] : [];
  while (stack.length) {
    const index = stack.pop()!;
    if (reached.has(index)) continue;
    reached.add(index);
    for (const { to } of graph[index]!) if (ids.includes(to)) stack.push(ids.indexOf(to));
  }
  return ids.flatMap((_, index) => (reached.has(index) ? [] : [index]));
}

/** A quiz's right answers must be among its choices, and a single-choice question has one. */
export function quizProblems(prompt: Obj, at: (...rest: PathSegment[]) => PathSegment[], report: Report) {
  (Array.isArray(prompt.questions) ? prompt.questions : []).forEach((question, index) => {
    if (!isObj(question) || !Array.isArray(question.correct)) return;
    const labels = choiceLabels(question);
    question.correct.forEach((label, position) => {
      if (typeof label === 'string' && !labels.has(label)) report(at('questions', index, 'correct', position), `"${label}" is not one of the choices`);
    });
    if (question.type === 'single' && question.correct.length !== 1)
      report(at('questions', index, 'correct'), 'a single-choice question has exactly one right answer');
  });
}

/** A poll's choices are counted by label: two with one label would split one choice's share. */
export function pollProblems(prompt: Obj, defaultLocale: string, at: (...rest: PathSegment[]) => PathSegment[], report: Report) {
  const content = isObj(prompt.content) ? prompt.content : {};
  const seen = new Set<string>();
  (Array.isArray(content.choices) ? content.choices : []).forEach((choice, index) => {
    // The label answers carry (localize() in the default locale), without importing the widgets' copy into this chunk.
    const label = typeof choice === 'string' ? choice : isObj(choice) ? (choice[defaultLocale] ?? Object.values(choice)[0]) : undefined;
    if (typeof label !== 'string') return;
    if (seen.has(label)) report(at('content', 'choices', index), `"${label}" is listed twice`);
    seen.add(label);
  });
}
