import { amountToPay, applyOffer, readCart, readDiscount, setQuantity } from './cart.js';
import { money, productById } from './catalog.js';
import { el, refreshCartCount, renderChrome, whenWaymarkLoaded } from './shop.js';

// Leaving this page with items in the cart (pointer out through the top of the window)
// is the exit intent the "cart-exit" survey listens for; 200+ points show the redeem offer,
// and redeeming it takes its discount off this order.
function render() {
  refreshCartCount();
  const root = document.getElementById('cart');
  const lines = readCart();
  if (!lines.length) {
    root.replaceChildren(el('p', {}, 'Your cart is empty. ', el('a', { href: '/shop/' }, 'Find something you like.')));
    return;
  }
  const rows = lines.map((line) => {
    const product = productById(line.id);
    const quantity = el('input', {
      type: 'number',
      min: '0',
      max: '9',
      value: String(line.quantity),
      'aria-label': `Quantity of ${product.name}`,
      class: 'quantity',
    });
    quantity.addEventListener('change', () => {
      setQuantity(line.id, Math.max(0, Math.min(9, Number(quantity.value) || 0)));
      render();
    });
    return el(
      'tr',
      {},
      el('td', {}, `${product.emoji} `, el('a', { href: `/shop/product?id=${product.id}` }, product.name)),
      el('td', {}, quantity),
      el('td', { class: 'number' }, money(product.price * line.quantity)),
    );
  });
  const discount = readDiscount();
  if (discount)
    rows.push(
      el(
        'tr',
        { 'data-testid': 'cart-discount' },
        el('td', { colspan: '2' }, `★ ${discount.label}`),
        el('td', { class: 'number' }, `−${money(discount.amount)}`),
      ),
    );
  root.replaceChildren(
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, el('th', {}, 'Item'), el('th', {}, 'Quantity'), el('th', { class: 'number' }, 'Price'))),
      el('tbody', {}, ...rows),
    ),
    el('p', { class: 'total', 'data-testid': 'cart-total' }, `Total ${money(amountToPay(lines))}`),
    el(
      'div',
      { class: 'actions' },
      el('a', { class: 'button', href: '/shop/checkout' }, 'Checkout'),
      el('a', { class: 'button secondary', href: '/shop/' }, 'Keep shopping'),
    ),
  );
}

renderChrome();
render();
// The redeem offer's button records a `$redeem` with the offer's id once the points are spent.
whenWaymarkLoaded((instance) =>
  instance.on('touchpoint', (touchpoint) => {
    if (touchpoint.name === '$redeem' && applyOffer(touchpoint.props.offerId)) render();
  }),
);
