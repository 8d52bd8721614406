export type WaymarkErrorCode =
  | 'invalid_argument'
  | 'invalid_config'
  | 'config_fetch_failed'
  | 'storage_unavailable'
  | 'storage_failed'
  | 'delivery_failed'
  | 'records_dropped'
  | 'widget_failed'
  | 'insufficient_points'
  | 'unknown_prompt'
  | 'unknown_offer'
  | 'internal';

/** The one error type the SDK reports. Branch on `code`; never thrown into the host page. */
export class WaymarkError extends Error {
  override readonly name = 'WaymarkError';
  constructor(
    readonly code: WaymarkErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Lazily loaded chunks carry their own copy of this class: recognise any of them. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Error).name === 'WaymarkError' && 'code' in value;
  }
}

export const isWaymarkError = (value: unknown): value is WaymarkError => value instanceof WaymarkError;
