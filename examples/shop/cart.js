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
  write(readCart().map((line) => (line.id === id ? { ...line, quantity } : line)).filter((line) => line.quantity > 0));
}

export const clearCart = () => write([]);

export const cartTotal = (lines = readCart()) => lines.reduce((sum, line) => sum + productById(line.id).price * line.quantity, 0);
export const cartCount = (lines = readCart()) => lines.reduce((sum, line) => sum + line.quantity, 0);
