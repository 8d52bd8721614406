import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { documentationFiles, ROOT } from './pages.mjs';

export interface Snippet {
  /** Where it comes from, for messages people can follow: the file and its opening fence. */
  file: string;
  line: number;
  code: string;
}

/** Every ```ts and ```js block of a Markdown text: JavaScript snippets are TypeScript too. */
export function codeSnippets(markdown: string, file: string): Snippet[] {
  const snippets: Snippet[] = [];
  let open: Snippet | null = null;
  markdown.split('\n').forEach((text, index) => {
    if (open) {
      if (text.startsWith('```')) {
        snippets.push(open);
        open = null;
      } else open.code += `${text}\n`;
    } else if (/^```(ts|typescript|js|javascript)\s*$/.test(text)) open = { file, line: index + 1, code: '' };
  });
  return snippets;
}

/** The strictest settings a user of the package may compile with. */
export const STRICTEST: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  // `waymark/server` runs on Node (the collector listens on node:http), so its users have Node's types.
  types: ['node'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  allowUnreachableCode: false,
  allowUnusedLabels: false,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noEmit: true,
  // The package's own declarations are checked with these flags too; TypeScript's lib is not.
  skipDefaultLibCheck: true,
};

/**
 * What the README's snippets take from the host app, or from an earlier snippet. A virtual
 * file, so these globals never leak into the project's own typecheck.
 */
const PRELUDE = `${ROOT}readme-globals.d.ts`;
const PRELUDE_TEXT = `
declare const wm: import('waymark').Waymark;
declare const init: typeof import('waymark').init;
declare const session: { user?: { id: string } };
declare const monitor: { report(code: string, message: string): void };
declare const badge: HTMLElement & { update(points: number): void };
declare function readFile(path: string, encoding: 'utf8'): Promise<string>;
type NodeListener = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
/** The few framework calls the docs show (an Express, Fastify or Hono app), typed as narrowly as the snippets use them. */
declare const app: {
  post(path: string, handler: (req: { body: string }, res: { json(body: unknown): void }) => Promise<void>): void;
  use(paths: string[], handler: NodeListener): void;
  use(middleware: unknown): void;
  on(methods: string[], paths: string[], handler: (c: { req: { raw: Request } }) => Promise<Response>): void;
};
declare const express: { json(): unknown };
declare const fastify: {
  addHook(
    name: 'onRequest',
    hook: (request: { raw: import('node:http').IncomingMessage }, reply: { hijack(): void; raw: import('node:http').ServerResponse }, done: () => void) => void,
  ): void;
};
/** What docs/collector.md's framework snippets take from its first one. */
declare const collector: import('waymark/server').Collector;
declare const toNodeListener: typeof import('waymark/server').toNodeListener;
declare const db: {
  insertIgnoringDuplicateIds(batch: unknown[]): Promise<void>;
  touchpointsOf(anonymousId: string): Promise<import('waymark/server').Touchpoint[]>;
  saveLedger(anonymousId: string, entries: unknown[]): Promise<void>;
};
`;

// Flattened, so a docs/ page's snippet resolves `waymark` from the root's node_modules like the README's.
const snippetFile = (snippet: Snippet) => `${ROOT}${snippet.file.replaceAll('/', '-')}-line-${snippet.line}.ts`;

/**
 * Compiles each snippet as its own module against the package as users import it
 * (`waymark` and `waymark/server` resolve through package.json `exports` to `dist/types`).
 * Returns one message per diagnostic, located at the README line it comes from.
 */
export function compileSnippets(snippets: Snippet[], options: ts.CompilerOptions = STRICTEST): string[] {
  // `export {}` keeps each snippet a module, so a `const wm` in one does not clash with another.
  const virtual = new Map(snippets.map((snippet) => [snippetFile(snippet), `${snippet.code}\nexport {};\n`]));
  virtual.set(PRELUDE, PRELUDE_TEXT);
  const host = ts.createCompilerHost(options, true);
  const { readFile, fileExists, getSourceFile } = host;
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(name);
    return text === undefined ? getSourceFile.call(host, name, language, ...rest) : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const origins = new Map(snippets.map((snippet) => [snippetFile(snippet), snippet]));
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => describe(diagnostic, origins));
}

function describe(diagnostic: ts.Diagnostic, origins: Map<string, Snippet>): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const { file, start } = diagnostic;
  if (!file || start === undefined) return `TS${diagnostic.code}: ${message}`;
  const { line } = file.getLineAndCharacterOfPosition(start);
  const origin = origins.get(file.fileName);
  const where = origin ? `${origin.file}:${origin.line + 1 + line}` : `${file.fileName}:${line + 1}`;
  return `${where} TS${diagnostic.code}: ${message}`;
}

export const documentationSnippets = () => documentationFiles().flatMap((file) => codeSnippets(readFileSync(`${ROOT}${file}`, 'utf8'), file));
