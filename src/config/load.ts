import { WaymarkError } from '../errors.js';
import type { Config } from './schema.js';
import type { ValidationResult } from './validate.js';
import { lazy } from '../chunks/lazy.js';
import type { Logger } from '../log.js';
import { trustCompiled } from './compiled.js';

const loadValidator = lazy('waymark-config.js', () => import('../chunks/validator.js'));

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
  const compiled = trustCompiled(input);
  if (compiled) return compiled;
  debug('config is not compiled by `waymark build` (or was edited since): loading the validator');
  return validated(input, report, debug);
}

async function validated(input: unknown, report: (error: WaymarkError) => void, debug: Logger): Promise<Config | null> {
  let result: ValidationResult;
  try {
    result = (await loadValidator()).validateConfig(input);
  } catch (error) {
    report(new WaymarkError('config_fetch_failed', `the config validator could not be loaded: ${String(error)}`));
    return null;
  }
  // Warnings name what is valid but likely not meant, such as a trigger that can never fire.
  for (const warning of result.warnings) debug(`config warning at ${warning.path}: ${warning.message}`);
  if (result.ok) return result.config;
  report(
    new WaymarkError(
      'invalid_config',
      `config rejected:\n${result.errors.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n')}`,
      result.errors,
    ),
  );
  return null;
}
