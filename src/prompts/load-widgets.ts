import type { KindModule, WidgetsModule } from '../../widgets/contract.js';

/** Loads one chunk on first use and keeps it; a failed load is forgotten so the next use tries again. */
function chunkLoader<Module>(url: string | undefined, bundled: () => Promise<Module>): () => Promise<Module> {
  let loading: Promise<Module> | undefined;
  let failures = 0;
  return () => {
    // Engines cache a failed module fetch by URL (HTML module map), so a retry asks for a fresh one.
    // No helper call inside import(): terser inlines it as a comma sequence without parentheses,
    // which engines then read as import(specifier, options) and reject.
    const target = url && failures ? `${url}${url.includes('?') ? '&' : '?'}retry=${failures}` : url;
    return (loading ??= (target ? (import(/* @vite-ignore */ target) as Promise<Module>) : bundled()).catch((error: unknown) => {
      loading = undefined;
      failures++;
      throw error;
    }));
  };
}

/** The URL of `file` in the folder of `url`, relative if `url` is (no base needed, nothing to throw). */
const beside = (url: string, file: string) => url.replace(/[^/?#]*([?#].*)?$/, file);

/**
 * Loads the widgets shell, and for a kind with a chunk of its own (survey, quiz, poll) that chunk beside
 * it, in parallel: a page that never shows a survey never fetches survey code. With `url` (the
 * script-tag build passes the shell next to itself, or the `widgetsUrl` option) each chunk is
 * imported from beside it; bundlers resolve the relative imports. Each chunk retries on its own,
 * and a kind chunk imports nothing, so neither failure can stick (contract.ts, ShellLib).
 */
export function widgetsLoader(url?: string): (kind?: string) => Promise<WidgetsModule> {
  const shell = chunkLoader(url, () => import('../../widgets/index.js'));
  const survey = chunkLoader<KindModule>(url && beside(url, 'waymark-survey.js'), () => import('../../widgets/survey/index.js'));
  return (kind) =>
    kind === 'survey' || kind === 'quiz' || kind === 'poll'
      ? Promise.all([shell(), survey()]).then(([widgets, code]) => ({
          mount: (root, props, options) => widgets.mount(root, props, { ...options, kind: code }),
        }))
      : shell();
}
