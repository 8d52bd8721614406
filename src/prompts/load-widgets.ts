import type { WidgetsModule } from '../../widgets/contract.js';

/**
 * Loads the widgets chunk on first use and keeps it. With `url` (the script-tag build passes
 * the chunk next to itself) it imports that; bundlers resolve the relative import. A failed
 * load is forgotten so the next prompt tries again; engines cache a failed module fetch by
 * URL (HTML module map), so a retry of `url` asks for a fresh one.
 */
export function widgetsLoader(url?: string): () => Promise<WidgetsModule> {
  let loading: Promise<WidgetsModule> | undefined;
  let failures = 0;
  return () => {
    // No helper call inside import(): terser inlines it as a comma sequence without parentheses,
    // which engines then read as import(specifier, options) and reject.
    const target = url && failures ? `${url}${url.includes('?') ? '&' : '?'}retry=${failures}` : url;
    return (loading ??= (target ? (import(/* @vite-ignore */ target) as Promise<WidgetsModule>) : import('../../widgets/index.js')).catch((error: unknown) => {
      loading = undefined;
      failures++;
      throw error;
    }));
  };
}
