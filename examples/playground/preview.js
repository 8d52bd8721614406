import { el, logLine } from './dom.js';

const OWN_CHUNK = ['survey', 'quiz', 'poll'];

/** The prompt as one of its variants shows it (the engine merges the same way: src/prompts/variant.ts). */
function withVariant(prompt, variantId) {
  const variant = prompt?.variants?.find((candidate) => candidate.id === variantId);
  if (!variant) return prompt;
  return { ...prompt, content: { ...prompt.content, ...variant.content }, ...(variant.questions ? { questions: variant.questions } : {}) };
}

/**
 * Made-up votes for a poll's preview (a data: URL, so nothing is asked of a collector): the
 * first choice most voted, each next one less, so the marketer sees the results view.
 */
function sampleResults(prompt, defaultLocale) {
  const labels = prompt.content.choices.map((choice) => (typeof choice === 'string' ? choice : (choice[defaultLocale] ?? Object.values(choice)[0])));
  const choices = Object.fromEntries(labels.map((label, index) => [label, (labels.length - index) * 10]));
  const votes = Object.values(choices).reduce((sum, count) => sum + count, 0);
  return `data:application/json,${encodeURIComponent(JSON.stringify({ votes, choices }))}`;
}

/**
 * Renders one prompt straight from the widgets chunk (`mount` with `inline`), in any locale
 * and theme, without recording anything: the visitor's profile is not touched.
 */
export function createPreview({ container, log, widgetsUrl }) {
  const host = container.appendChild(el('div'));
  const root = host.attachShadow({ mode: 'open' });
  let widgets;
  let survey;
  let mounted;

  async function show({ config, promptId, locale, themeMode, vars }) {
    widgets ??= import(widgetsUrl);
    const { mount } = await widgets;
    mounted?.close();
    mounted = undefined;
    const [id, variantId] = promptId.split('/');
    const prompt = withVariant(
      config?.prompts?.find((candidate) => candidate.id === id),
      variantId,
    );
    if (!prompt) return;
    // Surveys, quizzes and polls have a chunk of their own beside the widgets; the shell mounts it.
    const ownChunk = OWN_CHUNK.includes(prompt.kind);
    if (ownChunk) survey ??= import(widgetsUrl.replace('waymark-widgets.js', 'waymark-survey.js'));
    const kind = ownChunk ? await survey : undefined;
    const theme = { ...config.theme, ...(themeMode === 'config' ? {} : { colorScheme: themeMode }) };
    const offer = prompt.kind === 'reward' && prompt.offer ? config.rewards?.offers?.find((candidate) => candidate.id === prompt.offer) : undefined;
    const say = (text) => logLine(log, `${prompt.id}: ${text}`);
    mounted = mount(
      root,
      {
        prompt,
        locale,
        defaultLocale: config.defaultLocale ?? 'en',
        theme,
        vars,
        ...(offer ? { offer } : {}),
        ...(prompt.kind === 'poll' ? { pollResultsUrl: sampleResults(prompt, config.defaultLocale ?? 'en') } : {}),
        onAnswer: (answer, complete) => say(`onAnswer(${JSON.stringify(answer)}, ${complete})`),
        onDismiss: (reason) => say(`onDismiss("${reason}")`),
        onRedeem: (offerId) => say(`onRedeem("${offerId}")`),
      },
      { inline: true, kind, onClosed: () => say('closed') },
    );
  }

  return { show };
}
