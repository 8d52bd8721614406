import { useState } from 'preact/hooks';
import type { ExitPrompt, WidgetAnswer } from './contract.js';
import type { KindProps } from './kind.js';
import { OTHER, SUBMIT } from './shell/i18n.js';
import { Options } from './shell/options.js';

/** Exit survey: one or several choices, an optional "Other" with text, then Submit. */
export function Exit({ props, env, session, finish }: KindProps) {
  const { content } = props.prompt as ExitPrompt;
  const { choices, multiple } = content;
  const otherValue = choices.length;
  const [picked, setPicked] = useState<number[]>([]);
  const [other, setOther] = useState('');
  const options = choices.map((choice, value) => ({ value, content: env.text(choice) }));
  if (content.allowOther) options.push({ value: otherValue, content: env.t[OTHER]! });
  const withOther = picked.includes(otherValue);

  // Choices are reported in the config's default locale, so answers group across languages.
  const answerOf = (values: number[], otherText: string): WidgetAnswer => ({
    choices: values.filter((value) => value < otherValue).map((value) => env.canonical(choices[value]!)),
    ...(values.includes(otherValue) ? { other: otherText } : {}),
  });
  const pick = (value: number) => {
    const next = multiple ? (picked.includes(value) ? picked.filter((kept) => kept !== value) : [...picked, value].sort((a, b) => a - b)) : [value];
    setPicked(next);
    session.answer(answerOf(next, other.trim()), false);
  };

  return (
    <>
      <h2 id="h" class="wm-heading">
        {env.text(content.question)}
      </h2>
      <Options options={options} selected={picked} multiple={multiple === true} onPick={pick} className="wm-choices" labelledBy="h" rtl={env.dir === 'rtl'} />
      {withOther && (
        <input
          class="wm-input"
          aria-label={env.t[OTHER]}
          maxLength={500}
          placeholder={env.text(content.placeholder)}
          value={other}
          onInput={(event) => setOther((event.currentTarget as HTMLInputElement).value)}
        />
      )}
      <button
        type="button"
        class="wm-button"
        disabled={!picked.length}
        onClick={() => {
          session.answer(answerOf(picked, other.trim()), true);
          finish();
        }}
      >
        {env.t[SUBMIT]}
      </button>
    </>
  );
}
