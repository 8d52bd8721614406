import { WaymarkError } from '../errors.js';

type Report = (error: WaymarkError) => void;

/** A name `track()` accepts: a non-empty string of at most 200 characters, not one of the SDK's `$` names. */
export function validName(name: unknown, report: Report): name is string {
  if (typeof name !== 'string' || !/\S/.test(name) || name.length > 200) {
    report(new WaymarkError('invalid_argument', `track() needs a non-empty name, got ${typeof name === 'string' ? JSON.stringify(name) : typeof name}`));
    return false;
  }
  if (name.startsWith('$')) {
    report(new WaymarkError('invalid_argument', `"${name}": names starting with $ are reserved for the SDK`));
    return false;
  }
  return true;
}

/** A user id `identify()` accepts: a non-empty string, or null for an anonymous visitor. */
export function validUserId(userId: unknown, report: Report): userId is string | null {
  if (userId === null || (typeof userId === 'string' && userId)) return true;
  report(new WaymarkError('invalid_argument', 'identify() needs a user id string (or null to keep the visitor anonymous)'));
  return false;
}
