import { loadConfig } from '../config/load.js';
import { WaymarkError } from '../errors.js';
import { lazy } from '../lazy/load.js';
import type { SdkCore } from './core.js';

const loadEngine = lazy('waymark-engine.js', () => import('../lazy/engine.js'));

/**
 * Loads the config and, in parallel, the engine chunk; then, once there is consent to store,
 * starts the engine (the profile lives in IndexedDB). Never rejects.
 */
export function boot(sdk: SdkCore): Promise<void> {
  const source = sdk.options.config;
  // Without a config there is nothing to evaluate: touchpoints are only recorded and delivered.
  const engine = source === undefined || source === null ? undefined : loadEngine();
  return (
    Promise.all([loadConfig(source, sdk.report, sdk.debug), engine])
      .then(async ([config, chunk]) => {
        sdk.config = config;
        if (config && chunk) {
          await sdk.consentGiven;
          if (!sdk.destroyed) sdk.engine = await chunk.startEngine(sdk, config);
        }
        sdk.events.emit('ready', { config });
      })
      .catch((error) => sdk.report(new WaymarkError('config_fetch_failed', `the engine could not start: ${String(error)}`, error)))
      // Whatever failed, touchpoints keep flowing (recorded and delivered, without rules).
      .finally(() => sdk.destroyed || sdk.ruleQueue.start())
  );
}
