import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { WidgetProps } from '../contract.js';
import type { Session } from '../session.js';
import type { Env } from './env.js';
import { CLOSE } from './i18n.js';
import { isDark, themeProperties } from './theme.js';

/** How long the thank-you stays before the widget closes itself (not a dismissal). */
export const THANKS_MS = 4000;
/** A points toast without `timeoutSeconds` leaves by itself after this long. */
export const TOAST_MS = 8000;

const FOCUSABLE = '[tabindex="0"],input,textarea,button:not(:disabled)';

interface FrameProps {
  props: WidgetProps;
  session: Session;
  env: Env;
  /** The thank-you is showing. */
  done: boolean;
  /** Preview mode: laid out in the page flow, never modal, no timeouts (gallery, playground). */
  inline: boolean;
  children: ComponentChildren;
}

/** `placement` says it when given; else `modal`, else every kind but a reward is modal. */
export function isModal({ prompt }: WidgetProps): boolean {
  const { placement, modal } = prompt.presentation ?? {};
  return placement ? placement === 'modal' : (modal ?? prompt.kind !== 'reward');
}

/**
 * The shared shell (WAI-ARIA APG dialog): a modal `<dialog>` in the top layer that takes
 * focus and traps Tab, or a non-modal popover that leaves focus where it is and is
 * announced politely. Both close on Escape and with the close button.
 */
export function Frame({ props, session, env, done, inline, children }: FrameProps) {
  const { prompt, theme } = props;
  // A prompt placed inline sits in the page flow like a preview, but keeps its own timeout.
  const inFlow = inline || prompt.presentation?.placement === 'inline';
  const modal = isModal(props) && !inFlow;
  const panel = useRef<HTMLDivElement & HTMLDialogElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const stopTimeout = useOpening(panel, props, session, modal, inline, setAnnouncement);
  useThanks(done, panel, session, modal, stopTimeout);
  const onKeyDown = (event: KeyboardEvent) => onFrameKey(event, panel.current!, session, modal);

  const Tag = modal ? 'dialog' : 'div';
  const position = prompt.presentation?.position ?? tabCorner(props) ?? theme.position ?? (modal ? 'center' : 'bottom-right');
  const dark = isDark(theme.colorScheme);
  return (
    <Tag
      ref={panel}
      class={`wm-panel ${position}${dark ? ' wm-dark' : ''}${inFlow ? ' wm-inline' : ''}`}
      role="dialog"
      aria-modal={modal ? 'true' : undefined}
      aria-labelledby="h"
      lang={env.lang}
      dir={env.dir}
      style={themeProperties(theme, dark)}
      onKeyDown={onKeyDown}
      onCancel={(event: Event) => {
        // Escape or a platform back gesture on the modal dialog: one dismissal, our own close.
        event.preventDefault();
        session.dismiss('escape');
      }}
      onFocusIn={() => stopTimeout.current()}
      onPointerEnter={() => stopTimeout.current()}
    >
      {children}
      {!modal && (
        <p class="wm-visually-hidden" role="status">
          {announcement}
        </p>
      )}
      <button type="button" class="wm-close" aria-label={env.t[CLOSE]} onClick={() => session.dismiss('close')}>
        ×
      </button>
    </Tag>
  );
}

/** A prompt opened from its launcher tab shows by the launcher's edge. */
const tabCorner = ({ prompt }: WidgetProps) =>
  prompt.presentation?.placement === 'tab' ? (`bottom-${prompt.presentation.edge ?? 'right'}` as const) : undefined;

type Panel = { readonly current: (HTMLDivElement & HTMLDialogElement) | null };

/**
 * On mount: a modal takes the top layer and focus, a non-modal is announced politely, and the
 * timeout starts (a points toast has one by default). Returns what stops the timeout, which
 * any interaction does.
 */
function useOpening(panel: Panel, props: WidgetProps, session: Session, modal: boolean, inline: boolean, announce: (text: string) => void) {
  const stopTimeout = useRef(() => {});
  useLayoutEffect(() => {
    const element = panel.current!;
    // The visitor opened a tab prompt themselves: focus follows them into it, its launcher hides.
    const asked = !inline && !!props.opened;
    if (modal) {
      try {
        element.showModal();
      } catch {
        // No top layer (old engine): it stays an aria-modal panel with the Tab trap below.
      }
    }
    if (modal || asked) (element.querySelector(FOCUSABLE) as HTMLElement | null)?.focus();
    const announcing = modal || inline || asked ? undefined : setTimeout(() => announce(element.querySelector('#h')?.textContent ?? ''), 100);
    const { prompt } = props;
    const seconds = prompt.presentation?.timeoutSeconds;
    // A toast leaves by itself; an inline reward is part of the page and stays unless told otherwise.
    const toast = prompt.kind === 'reward' && !props.offer && !modal && prompt.presentation?.placement !== 'inline';
    const timeoutMs = seconds ? seconds * 1000 : toast ? TOAST_MS : 0;
    const timeout = timeoutMs && !inline ? setTimeout(() => session.dismiss('timeout'), timeoutMs) : undefined;
    stopTimeout.current = () => clearTimeout(timeout);
    return () => {
      clearTimeout(announcing);
      clearTimeout(timeout);
    };
  }, []);
  return stopTimeout;
}

/** Once the thank-you shows: no timeout any more, focus kept in the widget, and the close after THANKS_MS. */
function useThanks(done: boolean, panel: Panel, session: Session, modal: boolean, stopTimeout: { current: () => void }) {
  useEffect(() => {
    if (!done) return;
    stopTimeout.current();
    const thanks = panel.current?.querySelector('.wm-thanks') as HTMLElement | null;
    // Keep focus in the widget when the button that had it is gone; never take it from the page.
    if (thanks && (modal || document.activeElement === document.body)) thanks.focus();
    const close = setTimeout(session.end, THANKS_MS);
    return () => clearTimeout(close);
  }, [done]);
}

/** Escape dismisses; in a modal, Tab and Shift+Tab wrap around inside the panel. */
function onFrameKey(event: KeyboardEvent, panel: HTMLElement, session: Session, modal: boolean) {
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    session.dismiss('escape');
  } else if (event.key === 'Tab' && modal) {
    const focusable = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const edge = event.shiftKey ? focusable[0] : focusable[focusable.length - 1];
    if (event.target === edge || event.target === panel) {
      event.preventDefault();
      (event.shiftKey ? focusable[focusable.length - 1] : focusable[0])?.focus();
    }
  }
}
