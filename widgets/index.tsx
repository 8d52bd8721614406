import { Fragment, render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';
import { languageOf } from '../src/config/localize.js';
import type { KindModule, MountedWidget, ShellLib, WidgetProps, WidgetsModule } from './contract.js';
import { Exit } from './exit.js';
import type { KindProps } from './kind.js';
import { Nps } from './nps.js';
import { Rating, ratingScale } from './rating.js';
import { Reward } from './reward.js';
import { createSession, type Session } from './session.js';
import { createEnv, type Env } from './shell/env.js';
import { Frame } from './shell/frame.js';
import { THANKS } from './shell/i18n.js';
import { Options } from './shell/options.js';
import { adoptStyles } from './shell/styles.js';

type KindView = (props: KindProps) => preact.JSX.Element;
const KINDS: Record<string, KindView> = { nps: Nps, rating: Rating, exit: Exit, reward: Reward };
/** Lent to kind chunks (contract.ts, KindModule). */
const SHELL: ShellLib = { jsx, jsxs, Fragment, useState, useEffect, useRef, useMemo, Options, ratingScale, languageOf };

function Widget({ props, env, session, inline, Kind }: { props: WidgetProps; env: Env; session: Session; inline: boolean; Kind: KindView }) {
  const [done, setDone] = useState(false);
  const { content } = props.prompt;
  const thanks = content && 'thanks' in content ? content.thanks : undefined;
  return (
    <Frame props={props} session={session} env={env} done={done} inline={inline}>
      {done ? (
        <p id="h" class="wm-thanks" tabIndex={-1} role="status">
          {env.text(thanks) || env.t[THANKS]}
        </p>
      ) : (
        <Kind props={props} env={env} session={session} finish={() => setDone(true)} />
      )}
    </Frame>
  );
}

/**
 * Renders one prompt into `root` (an open shadow root the host made). Config text is only
 * ever rendered as text. `close()` removes it without reporting anything; the widget calls
 * `onClosed` when it ends by itself (after the thank-you or a dismissal).
 */
export const mount: WidgetsModule['mount'] = (root, props, options = {}): MountedWidget => {
  const Kind = options.kind ? lend(options.kind) : KINDS[props.prompt.kind];
  if (!Kind) throw new Error(`the code of the "${props.prompt.kind}" prompt kind was not loaded`);
  const removeStyles = adoptStyles(root, options.nonce);
  const container = root.appendChild(document.createElement('div'));
  const previousFocus = document.activeElement as HTMLElement | null;
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    session.flush();
    const hadFocus = root.activeElement !== null;
    render(null, container);
    container.remove();
    removeStyles();
    // Give focus back where it was (APG dialog), unless the visitor has moved on.
    if (hadFocus && previousFocus?.isConnected) previousFocus.focus();
  };
  const session = createSession(props, () => {
    if (!open) return;
    close();
    options.onClosed?.();
  });
  render(<Widget props={props} env={createEnv(props)} session={session} inline={options.inline === true} Kind={Kind} />, container);
  return { close };
};

/** A kind chunk gets the shell's preact and parts before its first render. */
function lend(kind: KindModule): KindView {
  kind.install(SHELL);
  return kind.Kind;
}
