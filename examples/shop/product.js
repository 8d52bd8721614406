import { addToCart } from './cart.js';
import { money, productById, PRODUCTS } from './catalog.js';
import { el, refreshCartCount, renderChrome, waymark } from './shop.js';

const product = productById(new URLSearchParams(location.search).get('id')) ?? PRODUCTS[0];
document.title = `${product.name} · Ridgeline Outfitters`;
renderChrome();

const tile = el('div', { class: 'tile', 'aria-hidden': 'true' }, product.emoji);
tile.style.setProperty('background', product.color);
const status = el('p', { role: 'status', class: 'muted' });
const add = el('button', { type: 'button' }, 'Add to cart');
const share = el('button', { type: 'button', class: 'secondary' }, 'Share');

document
  .getElementById('product')
  .replaceChildren(
    tile,
    el(
      'div',
      {},
      el('p', { class: 'muted' }, product.category),
      el('h1', {}, product.name),
      el('p', { class: 'price' }, money(product.price)),
      el('p', {}, product.blurb),
      el('div', { class: 'actions' }, add, share),
      status,
      el('p', {}, el('a', { href: '/shop/' }, '← Keep browsing')),
    ),
  );

const details = { productId: product.id, category: product.category, price: product.price };
// The third product viewed asks for a star rating; two move the visitor to "consideration".
waymark('track', 'product_view', details);

add.addEventListener('click', () => {
  addToCart(product.id);
  waymark('track', 'add_to_cart', details);
  refreshCartCount();
  status.replaceChildren('Added to your cart. ', el('a', { href: '/shop/cart' }, 'View cart'));
});

share.addEventListener('click', async () => {
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = 'Link copied. Thanks for sharing!';
  } catch {
    status.textContent = `Share this link: ${url}`;
  }
  // Sharing earns 20 points (up to 3 times a day) and makes the visitor an advocate.
  waymark('track', 'share', { productId: product.id, channel: 'link' });
});
