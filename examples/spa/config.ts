import type { Config } from 'waymark';

/**
 * The app's config as a typed object (the alternative to a JSON file fetched by URL):
 * the compiler checks it, and the SDK still validates it at runtime.
 */
export const config: Config = {
  version: 1,
  stages: [
    { id: 'visitor', when: { event: '$page_view' } },
    { id: 'evaluating', when: { any: [{ path: { startsWith: '/spa/pricing' } }, { event: 'feature_explored' }] } },
    { id: 'trial', when: { event: 'signup' } },
  ],
  prompts: [
    {
      id: 'signup-effort',
      kind: 'rating',
      scale: 'numeric',
      max: 7,
      metric: 'ces',
      trigger: { on: 'signup', delaySeconds: 1 },
      content: { question: 'How easy was it to sign up?', lowLabel: 'Very difficult', highLabel: 'Very easy' },
    },
    {
      id: 'feature-helpful',
      kind: 'rating',
      scale: 'thumbs',
      metric: 'none',
      trigger: { on: 'feature_explored' },
      if: { event: 'feature_explored', count: { gte: 2 } },
      frequency: { once: true },
      presentation: { modal: false },
      content: { question: 'Is this page helping you decide?' },
    },
    {
      id: 'pricing-exit',
      kind: 'exit',
      trigger: { on: '$exit_intent' },
      if: { path: { startsWith: '/spa/pricing' } },
      frequency: { once: true },
      content: { question: 'What is holding you back?', choices: ['Too expensive', 'Missing a feature', 'Just looking'], allowOther: true },
    },
  ],
  limits: { maxPerSession: 2 },
  theme: { accent: '#0f766e', radius: 10, position: 'bottom-left' },
};
