import type { WidgetProps } from './contract.js';
import type { Session } from './session.js';
import type { Env } from './shell/env.js';

/** What the shell hands each prompt kind. */
export interface KindProps {
  props: WidgetProps;
  env: Env;
  session: Session;
  /** Switches to the thank-you. */
  finish(): void;
}
