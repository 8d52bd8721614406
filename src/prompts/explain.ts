import type { Explanation, GateReport } from './explanation.js';
import type { Prompt } from '../config/schema.js';
import { findPrompt, note, type PromptState } from './context.js';
import { checkGates } from './gates.js';
import { pageStatus } from './page-scope.js';
import { inlineSelector, missingTarget } from './placement.js';
import { queueStatus } from './queue.js';
import { isTab } from './tab.js';
import { variantOf } from './variant.js';

/** The gates of a prompt for this visitor now, the last one being one prompt at a time across tabs. */
export function gateReports(state: PromptState, prompt: Prompt): GateReport[] {
  const { deps, current } = state;
  const reports = checkGates(prompt, deps.config()!, deps.facts(), deps.anonymousId());
  const selector = inlineSelector(prompt);
  if (selector !== undefined) {
    const missing = missingTarget(prompt);
    reports.push({ gate: 'inline target', pass: !missing, reason: `inline target: ${missing ?? 'on the page'}` });
  }
  const other = state.tabs.elsewhere();
  const busy = current ? `"${current.prompt.id}" is showing in this tab` : other ? `"${other}" is showing in another tab` : '';
  reports.push({ gate: 'one at a time', pass: !busy, reason: `one at a time: ${busy || 'nothing else is showing'}` });
  return reports;
}

export const failingGates = (state: PromptState, prompt: Prompt) => gateReports(state, prompt).filter((report) => !report.pass);

/** Says with `debug` why the prompt may not show (its failing gates, checked once); true when it may. */
export function isEligible(state: PromptState, prompt: Prompt, failed = failingGates(state, prompt)): boolean {
  note(state, prompt.id, failed.length ? `not shown (${failed.map((report) => report.reason).join('; ')})` : 'eligible');
  return !failed.length;
}

/** `wm.explain(promptId)`: the trigger, then every gate, each with a sentence. */
export function explainPrompt(state: PromptState, promptId: string): Explanation {
  const prompt = findPrompt(state, promptId);
  if (!prompt) {
    const reason = `config: ${state.deps.config() ? `no prompt "${promptId}"` : 'no valid config is loaded'}`;
    return { promptId, eligible: false, gates: [{ gate: 'config', pass: false, reason }] };
  }
  const reports = [
    { gate: 'trigger', pass: true, reason: describeTrigger(prompt, state.pending.has(promptId)) + queueStatus(state, promptId) + pageStatus(state, promptId) },
    ...gateReports(state, prompt),
  ];
  const variant = variantOf(prompt, state.deps.anonymousId());
  return { promptId, eligible: reports.every((report) => report.pass), gates: reports, ...(variant ? { variant: variant.id } : {}) };
}

function describeTrigger(prompt: Prompt, waiting: boolean): string {
  const tab = isTab(prompt) ? 'it waits for the visitor to open its tab' : '';
  if (!prompt.trigger) return `trigger: none, ${tab}`;
  const { on, where, delaySeconds } = prompt.trigger;
  const when = `on "${on}"${where ? ' with matching props' : ''}${delaySeconds ? `, ${delaySeconds} s later` : ''}${waiting ? ' (waiting now)' : ''}`;
  return `trigger: ${when}${tab && `; else ${tab}`}`;
}
