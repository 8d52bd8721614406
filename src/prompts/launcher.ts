import type { Prompt } from '../config/schema.js';
import { localize } from '../config/localize.js';
import { isRtl } from '../../widgets/shell/i18n.js';
import { isDark } from '../../widgets/shell/theme.js';
import type { PromptControllerDeps } from './context.js';

/** A `placement: "tab"` prompt's launcher: a button at a screen edge that opens the prompt. */
export interface Launchers {
  /**
   * Keeps a launcher for each of `prompts` (in config order) and removes every other one;
   * `hidden` while a prompt is on screen, kept in the page so the prompt can give focus back.
   */
  sync(prompts: readonly Prompt[], hidden: boolean): void;
  destroy(): void;
}

export interface LauncherOptions extends Pick<PromptControllerDeps, 'widgetEnv'> {
  open(prompt: Prompt): void;
  /** The page's CSP nonce, for the launchers' `<style>` where constructed sheets are missing. */
  nonce?: string | undefined;
  /** The engine's isolating host style (host.ts), lent so that this chunk bundles no copy of it. */
  hostStyle(zIndex?: number): string;
}

/**
 * The launcher's own CSS, in its shadow root: at least 24 px tall, a visible focus ring, no
 * motion for a visitor who asked for less, and neutral colours that read in light and dark.
 */
const CSS =
  'button{all:initial;box-sizing:border-box;position:fixed;top:50%;min-width:24px;min-height:44px;padding:10px 14px;' +
  'font:600 14px/1.4 system-ui,sans-serif;cursor:pointer;background:#fff;color:#1a1a1a;border:2px solid #595959;' +
  'box-shadow:0 2px 8px #0004;transform:translateY(-50%);transition:padding .15s}' +
  '.right{right:0;border-right:0;border-radius:8px 0 0 8px}.left{left:0;border-left:0;border-radius:0 8px 8px 0}' +
  'button:hover{padding-block:12px}button:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}' +
  '.dark{background:#1f1f1f;color:#f5f5f5;border-color:#a0a0a0}.dark:focus-visible{outline-color:#99c1f1}' +
  'button[hidden]{display:none}@media (prefers-reduced-motion:reduce){button{transition:none}}';

/**
 * The launchers of the tab prompts, each a `<waymark-launcher>` at the end of `<body>` with
 * an open shadow root, isolated from the page's CSS as a prompt is (host.ts). `open` shows the
 * prompt; the one opened from a launcher gets focus back on it when the launcher returns.
 */
export function createLaunchers({ widgetEnv, open, nonce, hostStyle }: LauncherOptions): Launchers {
  const mounted = new Map<string, { element: HTMLElement; button: HTMLButtonElement }>();
  let opened: string | undefined;

  const add = (prompt: Prompt) => {
    const { locale, defaultLocale, theme } = widgetEnv(prompt);
    const element = document.createElement('waymark-launcher');
    element.style.cssText = hostStyle(theme.zIndex);
    // delegatesFocus: the widget gives focus back to the element it took it from, this host.
    const root = element.attachShadow({ mode: 'open', delegatesFocus: true });
    adoptCss(root, nonce);
    const button = root.appendChild(document.createElement('button'));
    button.type = 'button';
    button.className = `${prompt.presentation?.edge ?? 'right'}${isDark(theme.colorScheme) ? ' dark' : ''}`;
    button.lang = locale;
    button.dir = isRtl(locale) ? 'rtl' : 'ltr';
    button.textContent = localize(prompt.presentation?.tabLabel, locale, defaultLocale);
    button.onclick = () => {
      opened = prompt.id;
      open(prompt);
    };
    (document.body ?? document.documentElement).appendChild(element);
    return { element, button };
  };

  return {
    sync(prompts, hidden) {
      const wanted = new Set(prompts.map((prompt) => prompt.id));
      for (const [id, launcher] of mounted) {
        if (!wanted.has(id)) launcher.element.remove(), mounted.delete(id);
      }
      for (const prompt of prompts) {
        const launcher = mounted.get(prompt.id) ?? add(prompt);
        mounted.set(prompt.id, launcher);
        launcher.button.hidden = hidden;
        // Back from the prompt it opened, where the visitor's focus was before (APG dialog).
        if (hidden || opened !== prompt.id) continue;
        opened = undefined;
        // Focus is lost (the hidden launcher had it) or in the prompt's thank-you (a status, still announced).
        const active = document.activeElement;
        if (!active || active === document.body || active.tagName === 'WAYMARK-PROMPT') launcher.button.focus();
      }
    },
    destroy() {
      for (const launcher of mounted.values()) launcher.element.remove();
      mounted.clear();
    },
  };
}

/** A constructed sheet, which a strict CSP allows; else a `<style>` carrying the page's nonce. */
function adoptCss(root: ShadowRoot, nonce: string | undefined): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = root.appendChild(document.createElement('style'));
    if (nonce) style.nonce = nonce;
    style.textContent = CSS;
  }
}
