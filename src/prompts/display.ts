import type { Prompt } from '../config/schema.js';
import { RESERVED } from '../types.js';
import { type Display, fail, note, type PromptState } from './context.js';
import { finishDisplay } from './display-end.js';
import type { SurveyProgress } from './survey-progress.js';
import { enqueue, unqueue } from './queue.js';
import { variantOf, variantProps } from './variant.js';
import { widgetProps } from './widget-props.js';

/**
 * Shows a prompt whose gates passed (with `force`, also while another tab holds the lock) and
 * records `$prompt_shown` once it is on screen. Never rejects: a failure is reported.
 */
/** `opened`: the visitor asked for it (a feedback tab's launcher), so it takes focus. */
export function openPrompt(state: PromptState, prompt: Prompt, force = false, resumed?: SurveyProgress, opened = false): Promise<void> {
  return show(state, prompt, force, resumed, opened).catch((error) => {
    if (state.current?.prompt === prompt) finishDisplay(state, state.current);
    fail(state, error);
  });
}

async function show(state: PromptState, prompt: Prompt, force: boolean, resumed: SurveyProgress | undefined, opened: boolean): Promise<void> {
  const { deps, tabs } = state;
  const display = startDisplay(state, prompt, resumed, opened);
  const release = await tabs.claim();
  if (state.current !== display || state.destroyed) return release?.();
  if (!release && !force) {
    state.current = null;
    enqueue(state, prompt, resumed);
    return note(state, prompt.id, 'not shown (one at a time: a prompt is showing in another tab)');
  }
  if (release) display.release = release;
  const shown = await deps.host.show(widgetProps(state, display));
  if (state.current !== display || state.destroyed) {
    // Closed from elsewhere while the widgets were loading.
    if (shown && !state.destroyed) deps.host.close();
    return;
  }
  // The host has reported why, or an inline target left the page while the widgets loaded.
  if (!shown) return finishDisplay(state, display);
  tabs.announce(prompt.id, true);
  // A resumed survey is the same display as before the reload: one impression, not two.
  if (resumed) return note(state, prompt.id, 'shown again where the visitor was before the page reloaded');
  deps.record(RESERVED.promptShown, { promptId: prompt.id, kind: prompt.kind, submissionId: display.submissionId, ...variantProps(display.variant) });
  note(state, prompt.id, 'shown');
}

/** Makes the prompt the current display, remembering the history its `if` is judged on later. */
function startDisplay(state: PromptState, prompt: Prompt, resumed: SurveyProgress | undefined, opened: boolean): Display {
  const { prompts, lastPromptShownAt, promptsShownThisSession } = state.deps.facts();
  const history = prompts[prompt.id];
  const variant = variantOf(prompt, state.deps.anonymousId());
  const display: Display = {
    prompt,
    ...(variant ? { variant } : {}),
    submissionId: resumed?.submissionId ?? state.deps.newId(),
    ...(resumed ? { resume: { path: resumed.path, answers: resumed.answers } } : {}),
    ...(opened ? { opened } : {}),
    before: { prompts: { ...prompts, ...(history && { [prompt.id]: { ...history } }) }, lastPromptShownAt, promptsShownThisSession },
  };
  state.current = display;
  state.expired.delete(prompt.id);
  state.leftPage.delete(prompt.id);
  unqueue(state, prompt.id, 'it is showing');
  state.onScreen();
  return display;
}
