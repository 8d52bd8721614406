/** See internal-properties.mjs. */
export declare const INTERNAL_PROPERTIES: string[];
