import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PollPrompt, SurveyQuestion } from '../../src/config/schema.js';
import type { PollResults, WidgetAnswer } from '../contract.js';
import type { KindProps } from '../kind.js';
import { fetchPollResults } from './poll-results.js';
import { Question } from './question.js';
import { count, PERCENT, surveyStrings, VOTE, VOTES, YOUR_VOTE } from './strings.js';

/**
 * One choice question and a Vote button. The vote completes the answer; then, when the
 * collector serves the poll's counts, each choice's share shows, else the thank-you. The counts
 * are asked for as the poll opens, before the vote is sent, so they never hold it already: the
 * visitor's own vote is added to them once.
 */
export function Poll({ props, env, session, finish }: KindProps) {
  const { content } = props.prompt as PollPrompt;
  const t = surveyStrings(props.locale, props.defaultLocale);
  const [answer, setAnswer] = useState<WidgetAnswer | undefined>();
  const [voted, setVoted] = useState(false);
  const [results, setResults] = useState<PollResults | null>(null);
  const url = content.results !== false && props.pollResultsUrl;
  const counts = useMemo(() => (url ? fetchPollResults(url) : null), [url]);
  const question = useMemo(
    () =>
      ({
        id: 'vote',
        type: content.multiple ? 'multiple' : 'single',
        text: content.question,
        choices: content.choices,
        shuffle: content.shuffle,
      }) as SurveyQuestion,
    [content],
  );
  const vote = () => {
    const choices = answer?.choices;
    if (voted || !choices?.length) return;
    setVoted(true);
    session.answer({ choices }, true);
    if (!counts) return finish();
    void counts.then((before) => (before ? setResults(withVote(before, choices)) : finish()));
  };
  if (results) return <Shares content={content} results={results} mine={answer?.choices ?? []} env={env} t={t} />;
  return (
    <>
      <Question question={question} env={env} answer={answer} onChange={(value) => voted || setAnswer(value)} />
      <button type="button" class="wm-button" disabled={voted || !answer?.choices?.length} onClick={vote}>
        {t[VOTE]}
      </button>
    </>
  );
}

/** The counts with this visitor's vote in them. */
function withVote({ votes, choices }: PollResults, mine: string[]): PollResults {
  const counted = { ...choices };
  for (const label of mine) counted[label] = (counted[label] ?? 0) + 1;
  return { votes: votes + 1, choices: counted };
}

interface SharesProps {
  content: PollPrompt['content'];
  results: PollResults;
  mine: string[];
  env: KindProps['env'];
  t: string[];
}

/** Each choice with its share as text (the bar is only its picture), the visitor's own marked. */
function Shares({ content, results, mine, env, t }: SharesProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The results replace the question: the heading takes focus so a screen reader reads them.
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <h2 id="h" ref={heading} class="wm-heading" tabIndex={-1}>
        {env.text(content.question)}
      </h2>
      <ul class="wm-shares">
        {content.choices.map((choice) => {
          const label = env.canonical(choice);
          const share = Math.round((100 * (results.choices[label] ?? 0)) / results.votes);
          return (
            <li key={label}>
              {env.text(choice)} <b>{count(t[PERCENT]!, env.num(share))}</b>
              {mine.includes(label) && ` (${t[YOUR_VOTE]})`}
              <div class="wm-progress" aria-hidden="true">
                <i style={{ width: `${share}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      <p class="wm-small" role="status">
        {count(t[VOTES]!, env.num(results.votes))}
      </p>
    </>
  );
}
