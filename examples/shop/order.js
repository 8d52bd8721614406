import { money } from './catalog.js';
import { el, renderChrome, waymark } from './shop.js';

renderChrome();
const root = document.getElementById('order');
const orderId = new URLSearchParams(location.search).get('id') ?? '';
const stored = sessionStorage.getItem(`demo-shop-order-${orderId}`);
const order = stored ? JSON.parse(stored) : null;

if (!order) {
  root.replaceChildren(el('h1', {}, 'Order not found'), el('p', {}, el('a', { href: '/shop/' }, 'Back to the shop.')));
} else {
  // Track the purchase once per order, even if this confirmation page is reloaded. It earns
  // points (50 per $50) and, two seconds later, asks the NPS question.
  const trackedKey = `demo-shop-tracked-${orderId}`;
  if (!sessionStorage.getItem(trackedKey)) {
    sessionStorage.setItem(trackedKey, '1');
    waymark('track', 'purchase', { orderId, amount: order.amount, currency: 'USD', items: order.items.length });
  }
  const share = el('button', { type: 'button', class: 'secondary' }, 'Tell a friend');
  const status = el('p', { role: 'status', class: 'muted' });
  share.addEventListener('click', () => {
    waymark('track', 'share', { orderId, channel: 'order-confirmation' });
    status.textContent = 'Thanks for spreading the word!';
  });
  root.replaceChildren(
    el('h1', {}, 'Thank you! Your order is confirmed.'),
    el('p', { 'data-testid': 'order-id' }, `Order ${orderId} · ${money(order.amount)}`),
    el('p', { class: 'notice' }, 'Members earn 50 points for every $50 spent. Your new balance is in the header.'),
    el('div', { class: 'actions' }, el('a', { class: 'button', href: '/shop/' }, 'Continue shopping'), share),
    status,
  );
}
