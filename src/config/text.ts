import * as z from 'zod/mini';
import { LIMITS } from './limits.js';

/** Every string of a config: bounded, so no text can freeze the page that shows it. */
export const Str = z.string().check(z.maxLength(LIMITS.textChars));
/** An event name: `trigger.on`, a rule's `on`, a condition's `event`. */
export const EventName = z.string().check(z.minLength(1), z.maxLength(LIMITS.keyChars));

/** Any text a marketer writes: a plain string or a `{ locale: text }` map. */
export const Text = z.union([Str, z.record(z.string(), Str)]);
export type Text = z.infer<typeof Text>;

export const Id = z.string().check(z.minLength(1), z.maxLength(100));
export const NonNegative = z.number().check(z.gte(0));
export const NonNegativeInt = z.int().check(z.gte(0));
