import { byId } from './dom.js';

/**
 * "Download compiled": the config as `waymark build` writes it (validated, normalised, marked
 * with its grammar and content hash), so the page that loads it skips the validator chunk.
 */
export function createDownload({ button, status, compileConfig, text }) {
  button.addEventListener('click', () => {
    const result = compileConfig(text());
    if (!result.ok) {
      status.textContent = 'Fix the problems first: only a valid config compiles.';
      return;
    }
    const url = URL.createObjectURL(new Blob([`${result.text}\n`], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'waymark.json' });
    link.click();
    // The click has started the download; the object URL is not needed past this task.
    setTimeout(() => URL.revokeObjectURL(url));
    status.textContent = `Compiled (hash ${result.config.$compiled.hash}): serve it as the page's data-config.`;
  });
}

export const downloadElements = () => ({ button: byId('download'), status: byId('download-status') });
