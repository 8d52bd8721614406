import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { MountedWidget, WidgetProps, WidgetsModule } from './contract.js';
import { Exit } from './exit.js';
import type { KindProps } from './kind.js';
import { Nps } from './nps.js';
import { Rating } from './rating.js';
import { Reward } from './reward.js';
import { createSession, type Session } from './session.js';
import { createEnv, type Env } from './shell/env.js';
import { Frame } from './shell/frame.js';
import { THANKS } from './shell/i18n.js';
import { adoptStyles } from './shell/styles.js';

const KINDS: Record<WidgetProps['prompt']['kind'], (props: KindProps) => preact.JSX.Element> = { nps: Nps, rating: Rating, exit: Exit, reward: Reward };

function Widget({ props, env, session, inline }: { props: WidgetProps; env: Env; session: Session; inline: boolean }) {
  const [done, setDone] = useState(false);
  const Kind = KINDS[props.prompt.kind];
  const thanks = 'thanks' in props.prompt.content ? props.prompt.content.thanks : undefined;
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
  render(<Widget props={props} env={createEnv(props)} session={session} inline={options.inline === true} />, container);
  return { close };
};
