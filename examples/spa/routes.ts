import type { Props } from 'waymark';

export interface RouteContext {
  track(name: string, props?: Props): void;
  navigate(path: string): void;
}

const h = (tag: string, attributes: Record<string, string> = {}, ...children: Array<Node | string>) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

const FEATURES = [
  ['Journeys', 'See where each visitor is, from first visit to advocate.'],
  ['Surveys', 'Ask the right question at the right moment, never twice.'],
  ['Rewards', 'Points and tiers your server can verify.'],
] as const;

const PLANS = [
  ['Starter', '$0', 'One site, 1,000 responses a month'],
  ['Team', '$49', 'Five sites, unlimited responses'],
  ['Scale', '$199', 'SSO, audit log, your own collector'],
] as const;

/** Renders one route into `root`. */
export function renderRoute(path: string, root: HTMLElement, context: RouteContext) {
  document.title = `Lumen · ${path.replace('/spa/', '') || 'home'}`;
  if (path.startsWith('/spa/features')) {
    root.replaceChildren(
      h('h1', {}, 'Features'),
      ...FEATURES.map(([name, text]) => {
        const more = h('button', { type: 'button', class: 'secondary' }, `More about ${name.toLowerCase()}`);
        more.addEventListener('click', () => {
          context.track('feature_explored', { feature: name.toLowerCase() });
          more.replaceWith(h('p', {}, `${name} is included in every plan.`));
        });
        return h('section', { class: 'feature' }, h('h2', {}, name), h('p', {}, text), more);
      }),
    );
  } else if (path.startsWith('/spa/pricing')) {
    root.replaceChildren(
      h('h1', {}, 'Pricing'),
      h(
        'div',
        { class: 'plans' },
        ...PLANS.map(([name, price, text]) => h('div', { class: 'plan' }, h('h2', {}, name), h('p', {}, h('strong', {}, price), ' a month'), h('p', {}, text))),
      ),
    );
  } else if (path.startsWith('/spa/signup')) {
    const form = h(
      'form',
      {},
      h('label', {}, 'Work email', h('input', { name: 'email', type: 'email', value: 'sam@example.com' })),
      h('button', { type: 'submit' }, 'Start free trial'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      context.track('signup', { plan: 'trial' });
      context.navigate('/spa/welcome');
    });
    root.replaceChildren(h('h1', {}, 'Start your free trial'), form);
  } else if (path.startsWith('/spa/welcome')) {
    root.replaceChildren(h('h1', {}, 'Welcome aboard!'), h('p', {}, 'Your trial is ready. A one-question survey about signing up appears in a moment.'));
  } else {
    root.replaceChildren(
      h('h1', {}, 'Know every visitor’s next step'),
      h('p', {}, 'Lumen is a made-up product; this page is a single-page app built with the project’s own bundler and no framework.'),
      h('p', {}, h('a', { href: '/spa/features', 'data-link': '' }, 'See the features →')),
    );
  }
}
