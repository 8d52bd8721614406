import { WaymarkError } from '../errors.js';
import type { Config } from './schema.js';
import type { ConfigVerdict } from './verdict.js';
import { lazy } from '../lazy/load.js';
import type { Logger } from '../log.js';

const loadValidator = lazy('waymark-config.js', () => import('../lazy/validator.js'));
// The same chunk the SDK loads beside the config (the module map fetches it once).
const loadEngine = lazy('waymark-engine.js', () => import('../lazy/engine.js'));

/**
 * Resolves the `config` option (an object, or a URL to fetch) into a valid config. A config
 * compiled by `waymark build` was validated there and is taken as it is; any other config is
 * checked by the validator, which costs more bytes than the rest of the core and so lives in
 * its own chunk, fetched only then (docs/compiled-configs.md). Invalid or unreachable configs
 * resolve to null after reporting why: the SDK then shows nothing and keeps recording.
 */
export async function loadConfig(source: unknown, report: (error: WaymarkError) => void, debug: Logger = () => {}): Promise<Config | null> {
  if (source === undefined || source === null) return null;
  let input: unknown = source;
  if (typeof source === 'string') {
    try {
      const response = await fetch(source, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      input = await response.text();
    } catch (error) {
      report(new WaymarkError('config_fetch_failed', `config could not be loaded from ${source}: ${String(error)}`));
      return null;
    }
  }
  const compiled = await loadEngine().then(
    (engine) => engine.trustCompiled(input),
    () => null, // without the engine nothing runs; the SDK reports that failure itself
  );
  if (compiled) return compiled;
  debug('config not compiled (or edited since): validating');
  let verdict: ConfigVerdict;
  try {
    verdict = (await loadValidator()).configVerdict(input);
  } catch (error) {
    report(new WaymarkError('config_fetch_failed', `the config validator could not be loaded: ${String(error)}`));
    return null;
  }
  verdict.notes.forEach(debug);
  if (verdict.rejection) report(new WaymarkError('invalid_config', verdict.rejection.message, verdict.rejection.problems));
  return verdict.config;
}
