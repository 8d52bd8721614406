/** The repository's root, with a trailing slash. */
export const ROOT: string;
export function documentationFiles(): string[];
