import { productById } from './catalog.js';

/** The cart lives in localStorage, as in many small shops; the SDK never reads it. */
const KEY = 'demo-shop-cart';

export function readCart() {
  try {
    const lines = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(lines) ? lines.filter((line) => productById(line.id) && line.quantity > 0) : [];
  } catch {
    return [];
  }
}

const write = (lines) => localStorage.setItem(KEY, JSON.stringify(lines));

export function addToCart(id) {
  const lines = readCart();
  const line = lines.find((entry) => entry.id === id);
  if (line) line.quantity++;
  else lines.push({ id, quantity: 1 });
  write(lines);
}

export function setQuantity(id, quantity) {
  write(
    readCart()
      .map((line) => (line.id === id ? { ...line, quantity } : line))
      .filter((line) => line.quantity > 0),
  );
}

export const clearCart = () => write([]);

export const cartTotal = (lines = readCart()) => lines.reduce((sum, line) => sum + productById(line.id).price * line.quantity, 0);
export const cartCount = (lines = readCart()) => lines.reduce((sum, line) => sum + line.quantity, 0);

/**
 * What the shop gives for each Waymark offer (the ids of `rewards.offers` in waymark.json):
 * the SDK spends the points, the shop honours them by taking the amount off the order.
 */
const OFFER_DISCOUNTS = { 'five-off': { amount: 5, label: 'Points reward: $5 off' } };
const DISCOUNT_KEY = 'demo-shop-discount';

export function readDiscount() {
  try {
    const discount = JSON.parse(localStorage.getItem(DISCOUNT_KEY) ?? 'null');
    return discount && typeof discount.amount === 'number' && typeof discount.label === 'string' ? discount : null;
  } catch {
    return null;
  }
}

/** Applies the discount of a redeemed offer to the next order; false for an offer the shop does not know. */
export function applyOffer(offerId) {
  if (!Object.hasOwn(OFFER_DISCOUNTS, offerId)) return false;
  const discount = OFFER_DISCOUNTS[offerId];
  localStorage.setItem(DISCOUNT_KEY, JSON.stringify({ offerId, ...discount }));
  return true;
}

export const clearDiscount = () => localStorage.removeItem(DISCOUNT_KEY);

/** The cart's total less a redeemed discount, never below zero. */
export const amountToPay = (lines = readCart()) => Math.max(0, cartTotal(lines) - (readDiscount()?.amount ?? 0));
