import type * as z from 'zod/mini';
import type { PathSegment } from './paths.js';

/** The parts of a zod definition the walk reads; zod/mini keeps them on `_zod.def`. */
interface Definition {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  items?: z.core.$ZodType[];
  options?: z.core.$ZodType[];
  discriminator?: string;
  values?: unknown[];
}

const definition = (schema: z.core.$ZodType) => schema._zod.def as unknown as Definition;
const child = (value: unknown, key: PathSegment) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined);

/**
 * The keys `schema` allows in the object at `path` of `input`, for "did you mean". Unions
 * offer the keys of every option, except that a discriminated union whose discriminator
 * matches (a prompt's `kind`) offers that option's alone.
 */
export function keysAt(schema: z.core.$ZodType, input: unknown, path: readonly PathSegment[]): Set<string> {
  const keys = new Set<string>();
  const visit = (node: z.core.$ZodType, value: unknown, at: number): void => {
    const def = definition(node);
    if (def.innerType) {
      visit(def.innerType, value, at);
      return;
    }
    if (def.type === 'union') {
      for (const option of chosenOptions(def, value)) visit(option, value, at);
      return;
    }
    if (at === path.length) {
      for (const key of Object.keys(def.shape ?? {})) keys.add(key);
      return;
    }
    const segment = path[at]!;
    const next = def.shape?.[segment] ?? def.element ?? def.valueType ?? (typeof segment === 'number' ? def.items?.[segment] : undefined);
    if (next) visit(next, child(value, segment), at + 1);
  };
  visit(schema, input, 0);
  return keys;
}

function chosenOptions(def: Definition, value: unknown): z.core.$ZodType[] {
  const options = def.options ?? [];
  if (!def.discriminator) return options;
  const tag = child(value, def.discriminator);
  const matching = options.filter((option) => {
    const literal = definition(option).shape?.[def.discriminator!];
    return literal !== undefined && (definition(literal).values ?? []).includes(tag);
  });
  return matching.length ? matching : options;
}
