import { money, PRODUCTS } from './catalog.js';
import { el, renderChrome, waymark } from './shop.js';

renderChrome();

document
  .getElementById('products')
  .replaceChildren(
    ...PRODUCTS.map((product) =>
      el(
        'a',
        { class: 'card', href: `/shop/product?id=${product.id}` },
        el('span', { class: 'tile', 'aria-hidden': 'true' }, product.emoji),
        el('strong', {}, product.name),
        el('span', { class: 'muted' }, product.category),
        el('span', { class: 'price' }, money(product.price)),
      ),
    ),
  );
// Tile colours through CSSOM rather than inline style attributes (friendlier to a strict CSP).
document.querySelectorAll('#products .tile').forEach((tile, index) => tile.style.setProperty('background', PRODUCTS[index].color));

const join = document.getElementById('join');
join.addEventListener('click', () => {
  // The "signup" earning rule gives 10 points once per visitor; the points toast shows them.
  waymark('track', 'signup', { source: 'home-hero' });
  join.textContent = 'Welcome to the club!';
  join.disabled = true;
});
