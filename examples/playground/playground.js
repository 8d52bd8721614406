import { compileConfig, init, validateConfig } from '/dist/waymark.mjs';
import { byId } from './dom.js';
import { createDownload, downloadElements } from './download.js';
import { createEditor } from './editor.js';
import { createPreview } from './preview.js';
import { createVisitor } from './visitor.js';

const MINIMAL = {
  version: 1,
  prompts: [
    {
      id: 'nps',
      kind: 'nps',
      trigger: { on: 'purchase', delaySeconds: 1 },
      content: { question: { en: 'How likely are you to recommend us?', fr: 'Nous recommanderiez-vous ?' } },
    },
  ],
};

let config = null;
const preview = createPreview({ container: byId('preview'), log: byId('preview-log'), widgetsUrl: '/dist/waymark-widgets.js' });
const visitor = createVisitor({ init });

/** A few sample values for `{placeholder}`s, from the visitor's real points and tier. */
function previewVars() {
  const { points, tier } = visitor.state();
  const tiers = [...(config?.rewards?.tiers ?? [])].sort((a, b) => a.min - b.min);
  const next = tiers.find((candidate) => candidate.min > points);
  const name = (candidate) => (typeof candidate?.label === 'string' ? candidate.label : (candidate?.id ?? ''));
  return { points, delta: 20, tier: tier ?? name(tiers[0]), nextTier: name(next), toNextTier: next ? next.min - points : 0 };
}

const promptSelect = byId('preview-prompt');
function renderPreview() {
  return preview.show({
    config,
    promptId: promptSelect.value,
    locale: byId('preview-locale').value,
    themeMode: byId('preview-theme').value,
    vars: previewVars(),
  });
}

function onValid(next) {
  config = next;
  const selected = promptSelect.value;
  // A prompt with variants is listed once per variant, so each can be previewed ("id/variant").
  const options = (config.prompts ?? []).flatMap((prompt) => [
    new Option(`${prompt.id} (${prompt.kind})`, prompt.id),
    ...(prompt.variants ?? []).map((variant) => new Option(`${prompt.id} (${prompt.kind}), variant ${variant.id}`, `${prompt.id}/${variant.id}`)),
  ]);
  promptSelect.replaceChildren(...options);
  if (options.some((option) => option.value === selected)) promptSelect.value = selected;
  visitor.start(config);
  renderPreview();
}

const editor = createEditor({ textarea: byId('config'), validation: byId('validation'), cursor: byId('cursor'), validateConfig, onValid });
createDownload({ ...downloadElements(), compileConfig, text: () => byId('config').value });

async function loadPreset(value) {
  const text = value === 'minimal' ? JSON.stringify(MINIMAL, null, 2) : await fetch(value).then((response) => response.text());
  editor.set(text);
}

for (const id of ['preview-prompt', 'preview-locale', 'preview-theme']) byId(id).addEventListener('change', renderPreview);
byId('preset').addEventListener('change', (event) => loadPreset(event.target.value));
byId('format').addEventListener('click', () => editor.format());
loadPreset(byId('preset').value);
