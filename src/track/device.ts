import type { Device } from '../rules/facts.js';

/** Coarse device class from the viewport and pointer, the way layout decisions are made. */
export function detectDevice(): Device {
  if (typeof window === 'undefined') return 'desktop';
  const width = Math.min(window.innerWidth || 1024, window.screen?.width || Infinity);
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  if (width < 600) return 'mobile';
  return coarse && width < 1100 ? 'tablet' : 'desktop';
}
