// Renders every prompt kind and variant in every theme, straight from the widgets chunk.
// The widgets are inline previews: no modal, no timeouts, nothing recorded.

const trigger = { on: 'gallery' };
const offer = { id: 'five-off', cost: 200, label: '$5 off your next order', description: 'On any order over $20' };
const vars = { delta: 50, points: 1250, toNextTier: 250, nextTier: 'Gold', tier: 'Silver' };

/** [caption, prompt, option to pre-select so the follow-up shows (index), locale] */
const VARIANTS = [
  [
    'NPS, promoter follow-up',
    {
      id: 'nps',
      kind: 'nps',
      trigger,
      content: {
        question: 'How likely are you to recommend us to a friend or colleague?',
        followUp: { detractor: 'What went wrong?', passive: 'What would make it a 10?', promoter: 'What do you love most?' },
        placeholder: 'Optional',
      },
    },
    9,
  ],
  [
    'Rating: stars (CSAT)',
    { id: 'stars', kind: 'rating', scale: 'stars', max: 5, metric: 'csat', trigger, content: { question: 'How satisfied are you with your order?' } },
    3,
  ],
  ['Rating: emoji', { id: 'emoji', kind: 'rating', scale: 'emoji', max: 5, trigger, content: { question: 'How was checkout?' } }],
  ['Rating: thumbs', { id: 'thumbs', kind: 'rating', scale: 'thumbs', trigger, content: { question: 'Was this article helpful?' } }],
  [
    'Rating: numeric 1–7 (CES), low-score follow-up',
    {
      id: 'ces',
      kind: 'rating',
      scale: 'numeric',
      max: 7,
      metric: 'ces',
      trigger,
      content: { question: 'How easy was it to find the right size?', followUp: { below: 4, question: 'What made it hard?' } },
    },
    1,
  ],
  [
    'Exit survey: single choice with "Other"',
    {
      id: 'exit',
      kind: 'exit',
      trigger,
      content: {
        question: 'What stopped you from checking out today?',
        choices: ['Price', 'Shipping cost', 'Just browsing'],
        allowOther: true,
        placeholder: 'Tell us more',
      },
    },
    3,
  ],
  [
    'Exit survey: multiple choice',
    {
      id: 'exit-multi',
      kind: 'exit',
      trigger,
      content: { question: 'What would make you come back?', choices: ['More sizes', 'More colours', 'Faster delivery', 'Lower prices'], multiple: true },
    },
    2,
  ],
  [
    'Reward: points toast with tier progress',
    { id: 'toast', kind: 'reward', trigger, content: { title: '+{delta} points!', body: '{toNextTier} points to {nextTier}.' } },
  ],
  [
    'Reward: offer card',
    { id: 'offer', kind: 'reward', offer: 'five-off', trigger, content: { title: 'You can redeem $5 off', body: 'You have {points} points.' } },
  ],
];

const THEMES = [
  ['light', 'Light (default)', 'The built-in light theme.', { colorScheme: 'light' }],
  ['dark', 'Dark', '<code>colorScheme: "dark"</code> (or <code>"auto"</code> to follow the visitor’s system setting).', { colorScheme: 'dark' }],
  [
    'brand',
    'Brand theme',
    'A marketer’s <code>theme</code>: accent, background, text, radius and font.',
    {
      accent: '#0b6e4f',
      background: '#fffdf7',
      text: '#1c1917',
      radius: 4,
      font: 'Georgia, "Times New Roman", serif',
    },
  ],
];

/** Other languages: built-in strings, config text maps, and right-to-left layout. */
const LOCALES = [
  [
    'Arabic (right to left)',
    'ar',
    {
      id: 'nps-ar',
      kind: 'nps',
      trigger,
      content: {
        question: { en: 'How likely are you to recommend us?', ar: 'ما مدى احتمال أن توصي بنا لصديق أو زميل؟' },
        followUp: { promoter: { en: 'What do you love?', ar: 'ما الذي أعجبك أكثر؟' } },
      },
    },
    10,
  ],
  [
    'Japanese',
    'ja-JP',
    {
      id: 'exit-ja',
      kind: 'exit',
      trigger,
      content: {
        question: { en: 'What stopped you?', ja: '購入をやめた理由は何ですか？' },
        choices: [
          { en: 'Price', ja: '価格' },
          { en: 'Shipping', ja: '送料' },
        ],
        allowOther: true,
      },
    },
    0,
  ],
  [
    'French',
    'fr-CA',
    {
      id: 'stars-fr',
      kind: 'rating',
      scale: 'stars',
      metric: 'csat',
      trigger,
      content: { question: { en: 'How did we do?', fr: 'Comment avons-nous fait ?' } },
    },
    4,
  ],
  [
    'German, points toast',
    'de-DE',
    {
      id: 'toast-de',
      kind: 'reward',
      trigger,
      content: {
        title: { en: '+{delta} points!', de: '+{delta} Punkte!' },
        body: { en: '{toNextTier} points to {nextTier}.', de: 'Noch {toNextTier} Punkte bis {nextTier}.' },
      },
    },
  ],
];

const gallery = document.getElementById('gallery');
const lastEvent = document.getElementById('last-event');
const { mount } = await import('/dist/waymark-widgets.js');

function section(id, title, description) {
  const element = gallery.appendChild(document.createElement('section'));
  element.id = id;
  element.className = id;
  element.setAttribute('aria-labelledby', `${id}-title`);
  element.innerHTML = `<h2 id="${id}-title"></h2><p></p><div class="cards"></div>`;
  element.querySelector('h2').textContent = title;
  element.querySelector('p').innerHTML = description; // gallery-authored copy, not config text
  return element.querySelector('.cards');
}

function card(cards, caption, prompt, { theme = {}, locale = 'en', select } = {}) {
  const figure = cards.appendChild(document.createElement('figure'));
  figure.appendChild(document.createElement('figcaption')).textContent = caption;
  const host = figure.appendChild(document.createElement('div'));
  host.dataset.kind = prompt.kind;
  const root = host.attachShadow({ mode: 'open' });
  const say = (text) => (lastEvent.textContent = `${prompt.id}: ${text}`);
  const render = () =>
    mount(
      root,
      {
        prompt,
        locale,
        defaultLocale: 'en',
        theme,
        vars,
        ...(prompt.offer ? { offer } : {}),
        onAnswer: (answer, complete) => say(`onAnswer(${JSON.stringify(answer)}, ${complete})`),
        onDismiss: (reason) => say(`onDismiss("${reason}")`),
        onRedeem: (offerId) => say(`onRedeem("${offerId}")`),
      },
      // Whatever ends a preview (a dismissal, the thank-you), it comes back for the next visitor.
      { inline: true, onClosed: () => setTimeout(render, 1500) },
    );
  render();
  if (select !== undefined) root.querySelectorAll('[role=radio],[role=checkbox]')[select]?.click();
}

for (const [id, title, description, theme] of THEMES) {
  const cards = section(id, title, description);
  for (const [caption, prompt, select] of VARIANTS) card(cards, caption, prompt, { theme, select });
}
const localeCards = section(
  'locales',
  'Languages',
  'Built-in strings in en, fr, de, es, pt, it, nl, ja and ar; config text as <code>{ locale: text }</code> maps; right-to-left for Arabic, Hebrew, Persian and Urdu.',
);
for (const [caption, locale, prompt, select] of LOCALES) card(localeCards, caption, prompt, { locale, select });

lastEvent.textContent = 'none yet';

// `#live`: one real (not inline) modal prompt over the page, as a visitor sees it; under
// 480 px wide it becomes a bottom sheet.
if (location.hash === '#live') {
  const host = document.body.appendChild(document.createElement('waymark-prompt'));
  const [, prompt] = VARIANTS[0];
  mount(host.attachShadow({ mode: 'open' }), { prompt, locale: 'en', defaultLocale: 'en', theme: {}, vars, onAnswer() {}, onDismiss() {}, onRedeem() {} }, {});
}

document.documentElement.dataset.ready = 'true';
