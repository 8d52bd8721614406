import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import typescript from '@rollup/plugin-typescript';
import { INTERNAL_PROPERTIES } from './build/internal-properties.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * Chunks the core bundles load lazily and never bundle (see src/lazy/load.ts): the widgets
 * (preact UI), the config validator (zod/mini), the engine (profile, rules, prompts) and the
 * rewards (the points ledger, challenges, streaks, expiry, referrals) and the feedback tab's launchers.
 */
const CHUNKS = [
  { source: /[\\/]widgets[\\/]index(\.tsx?|\.js)?$/, file: './waymark-widgets.js' },
  // A prompt kind with a chunk of its own, fetched beside the widgets only when such a prompt shows.
  { source: /[\\/]widgets[\\/]survey[\\/]index(\.tsx?|\.js)?$/, file: './waymark-survey.js' },
  { source: /[\\/]lazy[\\/]validator(\.ts|\.js)?$/, file: './waymark-config.js' },
  { source: /[\\/]lazy[\\/]engine(\.ts|\.js)?$/, file: './waymark-engine.js' },
  // Loaded by the engine for a config with `rewards`: the ledger and the journey rewards.
  { source: /[\\/]lazy[\\/]rewards(\.ts|\.js)?$/, file: './waymark-rewards.js' },
  // Loaded by the engine for a config with a feedback tab: the launcher buttons.
  { source: /[\\/]lazy[\\/]tab(\.ts|\.js)?$/, file: './waymark-tab.js' },
];
const chunkOf = (id) => CHUNKS.find((chunk) => chunk.source.test(id));
const DATABASE_DRIVERS = ['@electric-sql/pglite', 'pg'];
const SERVER_ENTRY = /[\\/]server[\\/]index(\.ts|\.js)?$/;

const version = () => ({
  name: 'waymark-version',
  transform: (code) => (code.includes('__WAYMARK_VERSION__') ? code.replaceAll('__WAYMARK_VERSION__', pkg.version) : null),
});

const lazyChunks = {
  external: (id, importer) => Boolean(importer) && Boolean(chunkOf(id)),
  paths: (id) => chunkOf(id)?.file ?? id,
};

/**
 * Modules the rewards chunk takes from the engine instead of bundling copies: the engine has
 * always loaded first (it loads the rewards chunk), and re-exports them (src/lazy/engine.ts).
 */
const FROM_ENGINE = [
  'rules/conditions',
  'rules/lookup',
  'rules/operators',
  'clock',
  'errors',
  'profile/future-times',
  'storage/saved-document',
  'rewards/earning-rules',
].map((name) => fileURLToPath(new URL(`./src/${name}`, import.meta.url)));
const withoutExtension = (id) => id.replace(/\.(ts|js)$/, '');
const takenFromEngine = (id, importer) => FROM_ENGINE.includes(withoutExtension(importer && id.startsWith('.') ? resolvePath(dirname(importer), id) : id));
const rewardsChunk = {
  external: (id, importer) => lazyChunks.external(id, importer) || (Boolean(importer) && takenFromEngine(id, importer)),
  paths: (id) => (takenFromEngine(id) ? './waymark-engine.js' : lazyChunks.paths(id)),
};

const ts = (extra = {}) =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', 'widgets/**/*.ts', 'widgets/**/*.tsx'],
    noEmitOnError: true,
    compilerOptions: { noEmit: false, ...extra },
  });

const minify = (mangle = {}) => terser({ module: true, compress: { passes: 3, pure_getters: true, unsafe_arrows: true }, mangle, format: { comments: false } });

const coreMinify = () => minify({ properties: { regex: new RegExp(`^(?:${INTERNAL_PROPERTIES.join('|')})$`) } });

/**
 * The widgets' class names, custom properties and keyframes are written `wm-…` in source for
 * readers, and shortened here, in the chunk only: the most frequent name gets the shortest.
 * `wm-` is preceded by nothing a word or a `data-` attribute could end with, so only names match.
 */
const NAME = /(?<![\w-])(--)?wm-[a-z\d]+(?:-[a-z\d]+)*/g;
export function shortNames(count) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const names = [];
  for (let length = 1; names.length < count; length++) {
    const grow = (prefix) => (prefix.length === length ? names.push(prefix) : [...letters].forEach((letter) => names.length < count && grow(prefix + letter)));
    grow('');
  }
  return names;
}
/** The widgets shell's short names; a kind chunk's names must be the same (its styles are the shell's). */
const widgetNames = new Map();
const compactNames = ({ shell = true } = {}) => ({
  name: 'waymark-compact-names',
  renderChunk(code) {
    if (shell) {
      const counts = new Map();
      for (const [match, dashes] of code.matchAll(NAME)) {
        const name = dashes ? match.slice(2) : match;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      const ordered = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a));
      const short = shortNames(ordered.length);
      widgetNames.clear();
      ordered.forEach((name, index) => widgetNames.set(name, short[index]));
      // Tests of the built chunk find elements by the names a reader knows.
      this.emitFile({ type: 'asset', fileName: 'widget-names.json', source: JSON.stringify(Object.fromEntries(widgetNames), null, 1) });
    }
    const edited = new MagicString(code);
    for (const match of code.matchAll(NAME)) {
      const [text, dashes] = match;
      const name = dashes ? text.slice(2) : text;
      if (!widgetNames.has(name)) this.error(`${name} is not in the widgets shell's styles: a kind chunk can only use the shell's class names`);
      edited.overwrite(match.index, match.index + text.length, dashes ? `--${widgetNames.get(name)}` : widgetNames.get(name));
    }
    return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
  },
});

/**
 * A kind chunk takes preact and the shell's shared parts from the shell at run time
 * (widgets/contract.ts, ShellLib): its imports of them become bindings that `install()` fills.
 */
const LENT_FROM_SHELL = ['preact/jsx-runtime', 'preact/hooks'];
const LENT_MODULES = ['widgets/shell/options.tsx', 'widgets/rating.tsx', 'src/config/localize.ts', 'widgets/survey/shell-lib.ts'].map((name) =>
  fileURLToPath(new URL(`./${name}`, import.meta.url)),
);
const LENT_NAMES = ['jsx', 'jsxs', 'Fragment', 'useState', 'useEffect', 'useRef', 'useMemo', 'Options', 'ratingScale', 'languageOf'];
const SHELL_LIB = '\0waymark-shell-lib';
const fromShell = () => ({
  name: 'waymark-from-shell',
  async resolveId(source, importer) {
    if (!importer) return null;
    if (LENT_FROM_SHELL.includes(source)) return SHELL_LIB;
    if (source === 'preact' || source.startsWith('preact/')) this.error(`a kind chunk takes preact from the shell: add "${source}" to LENT_FROM_SHELL`);
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    return resolved && LENT_MODULES.includes(resolved.id) ? SHELL_LIB : null;
  },
  load: (id) =>
    id === SHELL_LIB ? `export let ${LENT_NAMES.join(', ')};\nexport function install(shell) { ({ ${LENT_NAMES.join(', ')} } = shell); }\n` : null,
});

/** Records which modules each bundle holds, so tests can prove preact never enters the core. */
const manifest = () => ({
  name: 'waymark-manifest',
  generateBundle(_output, bundle) {
    const file = 'dist/modules.json';
    let all = {};
    try {
      all = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // First bundle of the build.
    }
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      all[chunk.fileName] = Object.keys(chunk.modules).map((id) => id.replace(`${process.cwd()}/`, '').replace(/^\0/, ''));
    }
    mkdirSync('dist', { recursive: true });
    writeFileSync(file, JSON.stringify(all, null, 1));
  },
});

/** After the server bundle is written, emit the JSON Schema generated from the zod schema. */
const writeSchema = () => ({
  name: 'waymark-schema',
  async writeBundle() {
    const server = await import(`${pathToFileURL('./dist/server.mjs').href}?t=${Date.now()}`);
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/waymark.schema.json', `${JSON.stringify(server.configJsonSchema(), null, 2)}\n`);
  },
});

/** The report page's HTML and CSS go beside its script, in the folder the collector serves at /report/. */
const reportPageFiles = () => ({
  name: 'waymark-report-page',
  writeBundle() {
    for (const file of ['index.html', 'report.css']) writeFileSync(`dist/report-page/${file}`, readFileSync(`src/collector/page/${file}`));
  },
});

export default [
  {
    input: 'src/index.ts',
    external: lazyChunks.external,
    output: { file: 'dist/waymark.mjs', format: 'es', paths: lazyChunks.paths, sourcemap: true },
    plugins: [version(), resolve({ browser: true }), ts({ declaration: true, declarationDir: 'dist/types', rootDir: '.' }), coreMinify(), manifest()],
  },
  {
    input: 'src/script.ts',
    external: lazyChunks.external,
    output: { file: 'dist/waymark.js', format: 'iife', paths: lazyChunks.paths, sourcemap: true },
    plugins: [version(), resolve({ browser: true }), ts(), coreMinify(), manifest()],
  },
  {
    input: 'widgets/index.tsx',
    output: { file: 'dist/waymark-widgets.js', format: 'es', sourcemap: true },
    plugins: [resolve({ browser: true }), ts(), compactNames(), minify(), manifest()],
  },
  {
    // After the shell: its class names are the ones this chunk takes.
    input: 'widgets/survey/index.tsx',
    output: { file: 'dist/waymark-survey.js', format: 'es', sourcemap: true },
    plugins: [fromShell(), resolve({ browser: true }), ts(), compactNames({ shell: false }), minify(), manifest()],
  },
  ...[
    ['src/lazy/validator.ts', 'dist/waymark-config.js'],
    ['src/lazy/engine.ts', 'dist/waymark-engine.js'],
    ['src/lazy/rewards.ts', 'dist/waymark-rewards.js', rewardsChunk],
    ['src/lazy/tab.ts', 'dist/waymark-tab.js'],
  ].map(([input, file, links = lazyChunks]) => ({
    input,
    external: links.external,
    output: { file, format: 'es', paths: links.paths, sourcemap: true },
    plugins: [version(), resolve({ browser: true }), ts(), minify(), manifest()],
  })),
  {
    input: 'src/server/index.ts',
    // The collector's database drivers stay packages of their own (PGlite ships its WASM files).
    external: (id) => id.startsWith('node:') || DATABASE_DRIVERS.some((name) => id === name || id.startsWith(`${name}/`)),
    output: { file: 'dist/server.mjs', format: 'es', sourcemap: true },
    plugins: [version(), resolve(), ts(), writeSchema()],
  },
  {
    // The collector's /report page: a browser script of its own, served by the collector.
    input: 'src/collector/page/main.ts',
    output: { file: 'dist/report-page/report.js', format: 'es', sourcemap: true },
    plugins: [resolve({ browser: true }), ts(), minify(), reportPageFiles()],
  },
  {
    // The `waymark` command: it loads `waymark/server` next to it instead of bundling a copy.
    input: 'src/cli/index.ts',
    external: (id, importer) => id.startsWith('node:') || (Boolean(importer) && SERVER_ENTRY.test(id)),
    output: { file: 'dist/cli.mjs', format: 'es', banner: '#!/usr/bin/env node', paths: (id) => (SERVER_ENTRY.test(id) ? './server.mjs' : id) },
    plugins: [version(), resolve(), ts()],
  },
  {
    // The SPA example, bundled as an npm user's bundler would: `waymark` is the package, and its
    // lazy parts (engine, widgets, config validator) become chunks next to the app.
    input: 'examples/spa/main.ts',
    // The package declares "sideEffects": false; bundlers apply that to its files, so does this build.
    treeshake: { moduleSideEffects: (id) => !/[\\/](src|widgets)[\\/]/.test(id) },
    output: { dir: 'dist/examples/spa', format: 'es', entryFileNames: 'spa.js', chunkFileNames: '[name]-[hash].js', sourcemap: true },
    plugins: [
      version(),
      { name: 'waymark-self', resolveId: (id) => (id === 'waymark' ? fileURLToPath(new URL('./src/index.ts', import.meta.url)) : null) },
      // Chunk names carry content hashes: drop the previous build's so stale ones do not pile up.
      { name: 'waymark-clean-spa', buildStart: () => rmSync('dist/examples/spa', { recursive: true, force: true }) },
      resolve({ browser: true }),
      typescript({
        tsconfig: './examples/spa/tsconfig.json',
        include: ['examples/spa/*.ts', 'src/**/*.ts', 'widgets/**/*.ts', 'widgets/**/*.tsx'],
        noEmitOnError: true,
        compilerOptions: { noEmit: false },
      }),
      minify(),
    ],
  },
];
