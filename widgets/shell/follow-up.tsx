import { useState } from 'preact/hooks';
import type { Env } from './env.js';
import { SUBMIT } from './i18n.js';

interface FollowUpProps {
  env: Env;
  /** The follow-up question; without one only the Submit button shows. */
  question: string;
  placeholder: string;
  onSubmit(comment: string): void;
}

/** The optional free-text step after a score, and the button that completes the answer. */
export function FollowUp({ env, question, placeholder, onSubmit }: FollowUpProps) {
  const [comment, setComment] = useState('');
  return (
    <>
      {question && (
        <>
          <label class="wm-follow-up-label" for="c">
            {question}
          </label>
          <textarea
            id="c"
            class="wm-input"
            maxLength={2000}
            placeholder={placeholder}
            value={comment}
            onInput={(event) => setComment((event.currentTarget as HTMLTextAreaElement).value)}
          />
        </>
      )}
      <button type="button" class="wm-button" onClick={() => onSubmit(comment.trim())}>
        {env.t[SUBMIT]}
      </button>
    </>
  );
}
