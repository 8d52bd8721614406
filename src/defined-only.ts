import type { Optional } from './types.js';

/** `{ batchSize: undefined }` keeps the default, as leaving the key out does. */
export const definedOnly = <T extends object>(given: Optional<T> | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
