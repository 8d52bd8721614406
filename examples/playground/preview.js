import { el, logLine } from './dom.js';

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
    const prompt = config?.prompts?.find((candidate) => candidate.id === promptId);
    if (!prompt) return;
    // A survey's code is a chunk of its own beside the widgets; the shell mounts it.
    if (prompt.kind === 'survey') survey ??= import(widgetsUrl.replace('waymark-widgets.js', 'waymark-survey.js'));
    const kind = prompt.kind === 'survey' ? await survey : undefined;
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
        onAnswer: (answer, complete) => say(`onAnswer(${JSON.stringify(answer)}, ${complete})`),
        onDismiss: (reason) => say(`onDismiss("${reason}")`),
        onRedeem: (offerId) => say(`onRedeem("${offerId}")`),
      },
      { inline: true, kind, onClosed: () => say('closed') },
    );
  }

  return { show };
}
