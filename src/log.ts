/** Debug logging that costs one boolean check when off. */
export function createLogger(enabled: () => boolean) {
  return (message: string, ...details: unknown[]) => {
    if (enabled()) console.debug(`[waymark] ${message}`, ...details);
  };
}
export type Logger = ReturnType<typeof createLogger>;
