import type { SurveyPrompt } from '../../widgets/contract.js';
import { trigger } from './helpers.js';

/** Four questions with one branch: detractors explain, everyone else picks features and rates checkout. */
export const onboardingSurvey = (overrides: Partial<SurveyPrompt> = {}): SurveyPrompt => ({
  id: 'onboarding',
  kind: 'survey',
  trigger,
  content: { title: 'Two minutes?', thanks: 'Thanks for helping!' },
  questions: [
    { id: 'score', type: 'nps', text: 'How likely are you to recommend us?', required: true, next: { '0-6': 'why', '*': 'features' } },
    { id: 'why', type: 'text', text: 'What went wrong?', long: true, maxLength: 200, next: { '*': 'end' } },
    { id: 'features', type: 'multiple', text: 'Which do you use?', choices: ['Search', 'Checkout', 'Wishlist'], other: true },
    { id: 'stars', type: 'rating', scale: 'stars', max: 5, text: 'How was checkout?' },
  ],
  ...overrides,
});
