import { byId, el, logLine } from './dom.js';

/** Event names a marketer's config reacts to: triggers, stage conditions, earning rules. */
export function eventNames(config) {
  const names = new Set();
  const walk = (condition) => {
    if (!condition || typeof condition !== 'object') return;
    if (typeof condition.event === 'string') names.add(condition.event);
    for (const child of [...(condition.all ?? []), ...(condition.any ?? []), condition.not]) walk(child);
  };
  for (const stage of config.stages ?? []) walk(stage.when);
  for (const prompt of config.prompts ?? []) {
    // A feedback tab needs no trigger: the visitor opens it.
    if (prompt.trigger) names.add(prompt.trigger.on);
    walk(prompt.if);
  }
  for (const rule of config.rewards?.rules ?? []) names.add(rule.on);
  return [...names].filter((name) => !name.startsWith('$'));
}

/** Props that make the config's own rules fire: a ratio rule's `of` gets an amount. */
function sampleProps(config, name) {
  const props = {};
  for (const rule of config.rewards?.rules ?? []) {
    if (rule.on === name && typeof rule.points === 'object') props[rule.points.of] = rule.points.every * 2 + 20;
  }
  return props;
}

/**
 * A live visitor running the edited config through the real SDK (`init` from the npm build):
 * buttons fire touchpoints, and stage, points, tier and `explain()` follow.
 */
export function createVisitor({ init }) {
  let wm;
  let config;
  let stops = [];
  const touchpoints = byId('touchpoints');

  const drawFacts = () => {
    byId('stage').textContent = wm?.state.stage.value ?? '–';
    byId('points').textContent = String(wm?.state.points.value ?? 0);
    byId('tier').textContent = wm?.state.tier.value ?? '–';
    drawExplain();
  };

  function drawExplain() {
    const prompts = config?.prompts ?? [];
    byId('explain').replaceChildren(
      ...prompts.map((prompt) => {
        const explanation = wm.explain(prompt.id);
        const show = el('button', { type: 'button', class: 'secondary' }, 'Show now');
        show.addEventListener('click', () => wm.show(prompt.id, { force: true }));
        return el(
          'article',
          { class: 'prompt', 'data-testid': `explain-${prompt.id}` },
          el(
            'header',
            {},
            el('strong', {}, prompt.id),
            el('span', { class: 'pill' }, prompt.kind),
            el('span', { class: explanation.eligible ? 'ok' : 'fail' }, explanation.eligible ? 'eligible' : 'not eligible'),
            show,
          ),
          el('ul', { class: 'gates' }, ...explanation.gates.map((gate) => el('li', { class: gate.pass ? 'pass' : 'fail' }, gate.reason))),
        );
      }),
    );
  }

  function drawButtons() {
    const buttons = eventNames(config).map((name) => {
      const button = el('button', { type: 'button', 'data-event': name }, name);
      button.addEventListener('click', () => wm.track(name, sampleProps(config, name)));
      return button;
    });
    const page = el('button', { type: 'button', class: 'secondary' }, 'page()');
    page.addEventListener('click', () => wm.page());
    byId('fire').replaceChildren(...buttons, page);
  }

  function start(nextConfig) {
    config = nextConfig;
    for (const stop of stops) stop();
    wm?.destroy();
    // Same namespace each time: the visitor's history survives config edits, as on a real site.
    wm = init({ config, namespace: 'playground', endpoint: '/collect', writeKey: 'playground', debug: true });
    stops = [
      wm.on('touchpoint', (touchpoint) => {
        logLine(touchpoints, `${touchpoint.name} ${JSON.stringify(touchpoint.props)}`);
        queueMicrotask(drawFacts);
      }),
      wm.on('error', (error) => logLine(touchpoints, `error ${error.code}: ${error.message}`)),
      wm.state.stage.subscribe(drawFacts),
      wm.state.points.subscribe(drawFacts),
      wm.state.tier.subscribe(drawFacts),
    ];
    drawButtons();
    wm.ready().then(drawFacts);
  }

  byId('custom').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    let props = {};
    try {
      props = form.props.value.trim() ? JSON.parse(form.props.value) : {};
    } catch {
      return logLine(touchpoints, 'props must be a JSON object, e.g. {"amount": 120}');
    }
    wm.track(form.name.value.trim(), props);
  });
  byId('reset').addEventListener('click', () => {
    wm.reset();
    touchpoints.replaceChildren();
    drawFacts();
  });
  // Cooldowns and schedules move with the clock, not only with touchpoints.
  setInterval(() => wm && drawExplain(), 5000);

  return {
    start,
    state: () => ({ points: wm?.state.points.value ?? 0, tier: wm?.state.tier.value ?? null }),
  };
}
