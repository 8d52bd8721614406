import { amountToPay, clearCart, clearDiscount, readCart, readDiscount } from './cart.js';
import { money, productById } from './catalog.js';
import { el, renderChrome, waymark } from './shop.js';

renderChrome();
const root = document.getElementById('checkout');
const lines = readCart();

if (!lines.length) {
  root.replaceChildren(el('p', {}, 'Nothing to check out yet. ', el('a', { href: '/shop/' }, 'Back to the shop.')));
} else {
  const amount = amountToPay(lines);
  const discount = readDiscount();
  const items = lines.map((line) => ({ productId: line.id, quantity: line.quantity }));
  // Starting checkout moves the visitor to the "decision" stage.
  waymark('track', 'checkout_started', { amount, items: items.length });

  const field = (label, attributes) => el('label', {}, label, el('input', attributes));
  const form = el(
    'form',
    { novalidate: '' },
    field('Name', { name: 'name', autocomplete: 'name', value: 'Alex Example', required: '' }),
    field('Email', { name: 'email', type: 'email', autocomplete: 'email', value: 'alex@example.com', required: '' }),
    el('label', {}, 'Payment', el('select', { name: 'payment' }, el('option', {}, 'Card ending 4242'), el('option', {}, 'Pay on delivery'))),
    ...(discount ? [el('p', { class: 'muted', 'data-testid': 'checkout-discount' }, `★ ${discount.label} (−${money(discount.amount)})`)] : []),
    el('p', { class: 'total', 'data-testid': 'checkout-total' }, `To pay ${money(amount)}`),
    el('button', { type: 'submit' }, 'Place order'),
  );
  root.replaceChildren(el('p', { class: 'muted' }, lines.map((line) => `${line.quantity} × ${productById(line.id).name}`).join(', ')), form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const orderId = `R-${Date.now().toString(36).toUpperCase()}`;
    sessionStorage.setItem(`demo-shop-order-${orderId}`, JSON.stringify({ orderId, amount, items }));
    // A customer id (never the email) ties this visitor's touchpoints to an account.
    let customerId = localStorage.getItem('demo-shop-customer');
    if (!customerId) localStorage.setItem('demo-shop-customer', (customerId = `cust_${Math.random().toString(36).slice(2, 10)}`));
    waymark('identify', customerId, { newsletter: false });
    clearCart();
    clearDiscount();
    location.href = `/shop/order?id=${orderId}`;
  });
}
