import type { Prompt } from '../../src/config/schema.js';

/** A two-question survey shown once after a signup: the one the resume tests reload through. */
export const onboardingSurvey = {
  id: 'onboarding',
  kind: 'survey',
  trigger: { on: 'signup' },
  frequency: { once: true },
  questions: [
    { id: 'score', type: 'nps', text: 'Recommend us?' },
    { id: 'why', type: 'text', text: 'Why?' },
  ],
} as Prompt;
