import { WaymarkError } from '../errors.js';
import type { Config } from './schema.js';
import type { ValidationResult } from './validate.js';
import { lazy } from '../chunks/lazy.js';
import type { Logger } from '../log.js';

const loadValidator = lazy('waymark-config.js', () => import('./validate.js'));

/**
 * zod/mini costs more bytes than the rest of the core, so validation lives in its own chunk,
 * fetched in parallel with the config. Resolves the `config` option (an object, or a URL to
 * fetch) into a valid config. Invalid or unreachable configs resolve to null after reporting why: the SDK then shows
 * nothing and keeps recording.
 */
export async function loadConfig(source: unknown, report: (error: WaymarkError) => void, debug: Logger = () => {}): Promise<Config | null> {
  if (source === undefined || source === null) return null;
  const validator = loadValidator();
  validator.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
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
  let result: ValidationResult;
  try {
    result = (await validator).validateConfig(input);
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
