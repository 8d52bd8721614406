export const KIND_SOURCES: Record<string, string[]>;
export function kindSizes(chunks?: Array<{ file: string; shared: string }>): Array<{ kind: string; raw: number; gzip: number }>;
