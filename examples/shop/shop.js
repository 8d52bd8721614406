import { cartCount, clearCart, clearDiscount } from './cart.js';

/**
 * Calls Waymark through the script tag's queue (`waymark.push([method, …args])`), which
 * works both before the async script has loaded and after.
 */
export const waymark = (method, ...args) => {
  window.waymark = window.waymark || [];
  window.waymark.push([method, ...args]);
};

/** Runs `callback(instance)` once the SDK script has loaded and replaced the queue. */
export function whenWaymarkLoaded(callback) {
  if (window.waymark && !Array.isArray(window.waymark)) return callback(window.waymark);
  document.querySelector('script[data-endpoint]')?.addEventListener('load', () => callback(window.waymark), { once: true });
}

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};
export { el };

export const refreshCartCount = () => (document.getElementById('cart-link').textContent = `Cart (${cartCount()})`);

/** Header (navigation, cart count, loyalty badge) and footer shared by every page. */
export function renderChrome() {
  const header = document.getElementById('site-header');
  const badge = el('span', { class: 'badge', 'data-testid': 'loyalty', title: 'Loyalty points (Waymark rewards)' }, '★ 0 points');
  header.replaceChildren(
    el('a', { href: '/shop/', class: 'brand' }, el('span', { 'aria-hidden': 'true' }, '⛰'), ' Ridgeline Outfitters'),
    el('nav', { 'aria-label': 'Shop' }, el('a', { href: '/shop/' }, 'Home'), el('a', { href: '/shop/cart', id: 'cart-link' }), badge),
  );
  refreshCartCount();
  whenWaymarkLoaded((instance) => {
    const draw = () => {
      const tier = instance.state.tier.value;
      badge.textContent = `★ ${instance.state.points.value} points${tier ? ` · ${tier[0].toUpperCase()}${tier.slice(1)}` : ''}`;
    };
    instance.state.points.subscribe(draw);
    instance.state.tier.subscribe(draw);
  });

  const footer = document.getElementById('site-footer');
  const reset = el('button', { type: 'button', class: 'link' }, 'Start over as a new visitor');
  reset.addEventListener('click', () => {
    clearCart();
    clearDiscount();
    waymark('reset');
    // reset() clears the stored profile asynchronously (it returns nothing to wait on), and
    // leaving the page at once can abort that; give it a moment.
    setTimeout(() => (location.href = '/shop/'), 300);
  });
  footer.replaceChildren(
    el(
      'p',
      {},
      'A demo shop for ',
      el('a', { href: '/' }, 'Waymark'),
      '. Every click here is a touchpoint; open the console to see the SDK’s debug log, or the ',
      el('a', { href: '/report/' }, 'live report'),
      '.',
    ),
    el('p', {}, reset),
  );
}
