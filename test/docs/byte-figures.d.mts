export interface Measured {
  raw: number;
  gzip: number;
}

export interface Bundles {
  /** Sizes by file name, e.g. `waymark.js`. */
  sizes: Map<string, Measured>;
  /** Budgets in gzip bytes by file name. */
  budgets: Map<string, number>;
}

export interface Figure {
  file: string;
  line: number;
  text: string;
}

export function measureBuild(): Bundles;
export function quotedFigures(markdown: string, file: string): Figure[];
export function checkFigure(figure: Figure, bundles: Bundles): string[];
export function correctedLine(figure: Figure, bundles: Bundles): string;
