import * as z from 'zod/mini';

/** Any text a marketer writes: a plain string or a `{ locale: text }` map. */
export const Text = z.union([z.string(), z.record(z.string(), z.string())]);
export type Text = z.infer<typeof Text>;

export const Id = z.string().check(z.minLength(1), z.maxLength(100));
export const NonNegative = z.number().check(z.gte(0));
export const NonNegativeInt = z.int().check(z.gte(0));
