import { el } from './dom.js';

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The config editor: a textarea validated on every change with `validateConfig` (the SDK's
 * own validator), problems listed by JSON path. `onValid(config)` runs when the text is a
 * valid config that differs from the last one applied.
 */
export function createEditor({ textarea, validation, cursor, validateConfig, onValid }) {
  let timer = 0;
  let applied = '';

  function check() {
    const text = textarea.value;
    const result = validateConfig(text);
    textarea.setAttribute('aria-invalid', String(!result.ok));
    if (result.ok) {
      const { prompts = [], stages = [], rewards } = result.config;
      validation.replaceChildren(
        el(
          'p',
          { class: 'ok', 'data-testid': 'valid' },
          `✓ Valid: ${plural(prompts.length, 'prompt')}, ${plural(stages.length, 'stage')}, ${plural(rewards?.rules?.length ?? 0, 'reward rule')}.`,
        ),
      );
      const canonical = JSON.stringify(result.config);
      if (canonical !== applied) {
        applied = canonical;
        onValid(result.config);
      }
      return;
    }
    validation.replaceChildren(
      el('p', { class: 'fail' }, `${plural(result.errors.length, 'problem')}: the SDK would reject this config as a whole and show nothing.`),
      el('ul', { class: 'problems' }, ...result.errors.map((problem) => el('li', { 'data-testid': 'problem' }, el('code', {}, problem.path), problem.message))),
    );
  }

  const checkSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(check, 200);
  };

  const showCursor = () => {
    const before = textarea.value.slice(0, textarea.selectionStart);
    const line = before.split('\n').length;
    cursor.textContent = `Ln ${line}, Col ${before.length - before.lastIndexOf('\n')}`;
  };

  textarea.addEventListener('input', checkSoon);
  for (const event of ['keyup', 'click', 'select']) textarea.addEventListener(event, showCursor);
  // Tab indents, as in any code editor; Escape then Tab still leaves the field (keyboard users).
  let escaped = false;
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') escaped = true;
    else if (event.key === 'Tab' && !event.shiftKey && !escaped) {
      event.preventDefault();
      textarea.setRangeText('  ', textarea.selectionStart, textarea.selectionEnd, 'end');
      checkSoon();
    } else escaped = false;
  });

  return {
    set(text) {
      textarea.value = text;
      textarea.setSelectionRange(0, 0);
      check();
      showCursor();
    },
    format() {
      try {
        textarea.value = `${JSON.stringify(JSON.parse(textarea.value), null, 2)}\n`;
      } catch {
        // Not JSON yet: the problem list already says where.
      }
      check();
    },
  };
}
