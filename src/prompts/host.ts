import type { MountedWidget, WidgetProps, WidgetsModule } from '../../widgets/contract.js';
import { WaymarkError } from '../errors.js';
import { findTarget, inlineSelector } from './placement.js';

export interface PromptHost {
  /**
   * Loads the widgets chunk (once) and mounts the prompt; false after reporting why it could
   * not, or, quietly, when an inline prompt's target left the page while the chunk loaded.
   */
  show(props: WidgetProps): Promise<boolean>;
  /** Unmounts without reporting a dismissal. */
  close(): void;
  /** Warms the chunk; a failure here is reported by the next `show`. */
  preload(): Promise<void>;
  readonly isOpen: boolean;
  /** The page's CSP nonce, for the tab launchers' styles too (launcher.ts). */
  readonly nonce?: string | undefined;
  destroy(): void;
}

export interface PromptHostOptions {
  /** Loads the widgets for a prompt of `kind` (its kind's chunk too, where it has one); without a kind, the shell. */
  load: (kind?: string) => Promise<WidgetsModule>;
  nonce?: string;
  onError(error: WaymarkError): void;
}

/** Above nearly every host page layer; a theme's `zIndex` overrides it. */
const DEFAULT_Z_INDEX = 2147483000;

/**
 * Keeps the host element out of the page's layout and out of reach of its CSS: inline
 * `!important` beats even `* { all: unset !important }`, and CSSOM writes are allowed
 * under a strict CSP where a `style` attribute would not be.
 */
const ISOLATED =
  'display:block!important;transform:none!important;filter:none!important;opacity:1!important;visibility:visible!important;contain:none!important';
export const hostStyle = (zIndex = DEFAULT_Z_INDEX) =>
  `position:fixed!important;inset:0 auto auto 0!important;width:0!important;height:0!important;z-index:${zIndex}!important;${ISOLATED}`;

/** For an inline prompt: a plain block in the page flow, as isolated from the page's CSS. */
const INLINE_STYLE = `position:static!important;width:auto!important;height:auto!important;margin:0!important;${ISOLATED}`;

/**
 * Shows one prompt at a time in an open shadow root on its own element at the end of
 * `<body>` (or, inline, inside its target), so host CSS cannot break the widget and the
 * widget's CSS cannot leak out.
 */
export function createPromptHost({ load, nonce, onError }: PromptHostOptions): PromptHost {
  let element: HTMLElement | null = null;
  let widget: MountedWidget | null = null;
  let showing = 0; // a newer show() or a close() makes a loading show() give up
  let destroyed = false;

  const unmount = () => {
    const [current, mounted] = [element, widget];
    element = widget = null;
    try {
      mounted?.close();
    } finally {
      current?.remove();
    }
  };

  const close = () => {
    showing++;
    try {
      unmount();
    } catch (error) {
      onError(new WaymarkError('widget_failed', `the prompt could not be closed: ${String(error)}`, error));
    }
  };

  return {
    get isOpen() {
      return widget !== null;
    },
    nonce,
    async show(props) {
      const attempt = ++showing;
      try {
        const module = await load(props.prompt.kind);
        if (destroyed || attempt !== showing) return false;
        unmount();
        const mounted = mountPrompt(module, props, nonce, (host, mounted) => {
          if (widget !== mounted) return; // already replaced or closed
          element = widget = null;
          host.remove();
        });
        if (mounted) ({ element, widget } = mounted);
        return !!mounted;
      } catch (error) {
        unmountQuietly(unmount);
        onError(new WaymarkError('widget_failed', `the prompt could not be shown: ${String(error)}`, error));
        return false;
      }
    },
    close,
    preload: () => load().then(ignore, ignore),
    destroy() {
      destroyed = true;
      close();
    },
  };
}

/** A failed preload is reported by the next `show`, which loads again. */
const ignore = () => {};

/** Cleans up after a failed show: that failure is the one reported, not a second one here. */
function unmountQuietly(unmount: () => void): void {
  try {
    unmount();
  } catch {
    // Already failing: the caller's report says why.
  }
}

/**
 * A new `<waymark-prompt>` at the end of `<body>` (inline: at the end of its target), with the
 * widget mounted in its open shadow root; null when an inline target is missing.
 */
function mountPrompt(
  module: WidgetsModule,
  props: WidgetProps,
  nonce: string | undefined,
  onClosed: (element: HTMLElement, widget: MountedWidget) => void,
): { element: HTMLElement; widget: MountedWidget } | null {
  const selector = inlineSelector(props.prompt);
  const parent = selector === undefined ? (document.body ?? document.documentElement) : findTarget(selector);
  if (!parent) return null;
  const element = document.createElement('waymark-prompt');
  element.style.cssText = selector === undefined ? hostStyle(props.theme.zIndex) : INLINE_STYLE;
  parent.appendChild(element);
  try {
    const root = element.attachShadow({ mode: 'open' });
    const widget: MountedWidget = module.mount(root, props, { ...(nonce ? { nonce } : {}), onClosed: () => onClosed(element, widget) });
    return { element, widget };
  } catch (error) {
    element.remove(); // the caller reports it
    throw error;
  }
}
