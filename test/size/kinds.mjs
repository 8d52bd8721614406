// Each prompt kind's own code inside the widgets chunks, from their source maps: the minified
// bytes each source file became, grouped by kind. A kind's gzip is of its code alone, so it
// says what that kind costs, not what a page fetches (see the page lines for that).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

/** Which kind each widget source belongs to; everything else in the chunks is the shell they share. */
export const KIND_SOURCES = {
  nps: ['widgets/nps.tsx', 'src/prompts/nps-band.ts'],
  rating: ['widgets/rating.tsx'],
  exit: ['widgets/exit.tsx'],
  reward: ['widgets/reward.tsx'],
  survey: ['widgets/survey/survey.tsx', 'widgets/survey/flow.ts', 'widgets/survey/question.tsx'],
  quiz: ['widgets/survey/quiz.tsx'],
  poll: ['widgets/survey/poll.tsx', 'widgets/survey/poll-results.ts'],
};

/** Source file (relative to the repository) → the minified code generated from it. */
function codeBySource(file) {
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const lines = code.split('\n');
  const spans = [];
  map.eachMapping((mapping) => spans.push(mapping), null, SourceMapConsumer.GENERATED_ORDER);
  const bySource = new Map();
  spans.forEach((span, index) => {
    const next = spans[index + 1];
    const line = lines[span.generatedLine - 1] ?? '';
    const end = next && next.generatedLine === span.generatedLine ? next.generatedColumn : line.length;
    const source = (span.source ?? '').replace(/^(\.\.\/)+/, '');
    bySource.set(source, (bySource.get(source) ?? '') + line.slice(span.generatedColumn, end));
  });
  return bySource;
}

const CHUNKS = [
  { file: 'dist/waymark-widgets.js', shared: 'widgets shell (shared)' },
  { file: 'dist/waymark-survey.js', shared: 'survey chunk (shared: strings, dispatch)' },
];

/** Raw and gzip bytes of each kind's own code, of what each chunk's kinds share, and of preact. */
export function kindSizes(chunks = CHUNKS) {
  const owned = new Map(Object.entries(KIND_SOURCES).flatMap(([kind, sources]) => sources.map((source) => [source, kind])));
  const groups = new Map(Object.keys(KIND_SOURCES).map((kind) => [kind, '']));
  for (const { file, shared } of chunks) {
    for (const [source, text] of codeBySource(file)) {
      const group = owned.get(source) ?? (source.includes('node_modules/preact') ? 'preact' : shared);
      groups.set(group, (groups.get(group) ?? '') + text);
    }
  }
  return [...groups].map(([kind, text]) => ({ kind, raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length }));
}
