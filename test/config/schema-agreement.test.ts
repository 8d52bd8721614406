// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate.js';
import { unsafeRegexReason } from '../../src/rules/safe-regex.js';
import { configJsonSchema } from '../../src/server/json-schema.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/configs/');
const SHARED = join(import.meta.dirname, '../../../shared/fixtures/configs/');
const ROOT = join(import.meta.dirname, '../..');
/** The project's own copies always run; the shared set too when it sits beside the repo. */
const FIXTURE_ROOTS = [FIXTURES, ...(existsSync(SHARED) ? [SHARED] : [])];

/**
 * What `validateConfig` checks and no JSON Schema can say, by the validator's message. Every
 * disagreement between the schema and the validator must be one of these; any other is a
 * constraint the schema is missing.
 */
const INEXPRESSIBLE: Array<[kind: string, message: RegExp]> = [
  // A schema constrains each item alone: it cannot compare ids across items.
  ['unique ids', /^duplicate id "/],
  // Stage, tier, offer and prompt names are the config's own: a schema cannot list them.
  ['references between ids', / is not defined in |^question ".*" is not in this survey |^".*" is not one of the choices /s],
  // A survey's branches form a graph: a loop runs through several questions' `next`.
  ['loops between questions', /: the survey would loop /],
  // Choices are compared by their label in the default locale, inside localized texts.
  ['labels across locales', /" is listed twice$/],
  // Comparing two values of the instance needs `$data`, which is not JSON Schema.
  ['order between values', /^tiers must be listed in ascending order|^end must be after start$|^the lower bound comes first$/],
  // `format: "regex"` sees the pattern alone; its flags (`i`, `u`, `v`) change both what
  // JavaScript accepts and which patterns can backtrack. Counted only when flags are set.
  ['regex under its flags', /^invalid regular expression: Invalid regular expression: \/.*\/[dgimsuvy]+: |^unsafe regular expression: /s],
  // Total size and nesting depth have no keyword.
  ['total size', /^the config is larger than /],
  ['nesting depth', /^nested more than \d+ levels deep$/],
];

function compileSchema() {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    // Strict mode reports some findings as warnings: treat them as failures too.
    logger: {
      log: () => {},
      warn: (message: unknown) => {
        throw new Error(String(message));
      },
      error: (message: unknown) => {
        throw new Error(String(message));
      },
    },
  });
  // ECMA-262 syntax, as `format: "regex"` says, and the validator's safety check: an editor
  // that registers the same format then flags every regex the SDK refuses.
  ajv.addFormat('regex', (source: string) => {
    try {
      return Boolean(new RegExp(source)) && unsafeRegexReason(source) === null;
    } catch {
      return false;
    }
  });
  return ajv.compile(configJsonSchema());
}

/** Mulberry32: a small seeded generator, so every run tries the same mutations. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES: unknown[] = [
  -1,
  0,
  1,
  2,
  2.5,
  3,
  5,
  7,
  10,
  11,
  91,
  1e21,
  '',
  'x',
  'purchase',
  '$exit_intent',
  'stars',
  'thumbs',
  'emoji',
  'numeric',
  'nps',
  'rating',
  'exit',
  'reward',
  'csat',
  'gold',
  'awareness',
  'i',
  'iu',
  'uv',
  'gg',
  'z',
  '([a-z',
  '^(a+)+$',
  '\\-',
  '(a)\\1',
  '2026-01-01T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-06-01T10:00',
  'x'.repeat(1001),
  null,
  true,
  false,
  [],
  {},
  { eq: 1 },
  { event: 'x' },
  { gte: 2 },
  [1, 2],
  [2, 1],
  ['a'],
  { en: 'Hi' },
];
const KEYS = [
  'flags',
  'regex',
  'count',
  'withinDays',
  'where',
  'event',
  'max',
  'scale',
  'followUp',
  'below',
  'above',
  'kind',
  'min',
  'id',
  'eq',
  'not',
  'any',
  'stage',
  'tier',
  'between',
  'typo',
  'questoin',
];

type Node = Record<string, unknown> | unknown[];

/** Every object and array in `value`, the root included. */
function containers(value: unknown, out: Node[] = []): Node[] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(value as Node);
  for (const child of Object.values(value)) containers(child, out);
  return out;
}

function mutate(config: unknown, random: () => number): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const value = () => structuredClone(pick(VALUES));
  const node = pick(containers(config));
  const roll = random();
  if (Array.isArray(node)) {
    if (roll < 0.3 && node.length) node.splice(Math.floor(random() * node.length), 1);
    else if (roll < 0.6 && node.length) node.push(structuredClone(pick(node)));
    else if (roll < 0.8 && node.length) node[Math.floor(random() * node.length)] = value();
    else node.push(value());
    return;
  }
  const keys = Object.keys(node);
  if (roll < 0.2 && keys.length) delete node[pick(keys)];
  else if (roll < 0.55 && keys.length) node[pick(keys)] = value();
  else if (roll < 0.9) node[pick(KEYS)] = value();
  else Object.defineProperty(node, '__proto__', { value: value(), enumerable: true, writable: true, configurable: true });
}

const validConfigs = [
  ...readdirSync(`${FIXTURES}valid`).map((file) => readFileSync(`${FIXTURES}valid/${file}`, 'utf8')),
  readFileSync(join(ROOT, 'examples/shop/waymark.json'), 'utf8'),
].map((text) => JSON.parse(text) as unknown);

/** The value at a validator path such as `prompts[0].if.url.regex`. */
function valueAt(config: unknown, path: string): unknown {
  const segments = path === '(root)' ? [] : path.split(/\.|(?=\[)/).map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part));
  return segments.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), config);
}

/** The kind of a validator problem no schema can express, or null for one a schema could. */
function kindOf(config: unknown, problem: { path: string; message: string }): string | null {
  const kind = INEXPRESSIBLE.find(([, pattern]) => pattern.test(problem.message))?.[0] ?? null;
  if (kind !== 'regex under its flags') return kind;
  const flags = (valueAt(config, problem.path.replace(/\.regex$/, '')) as { flags?: unknown } | undefined)?.flags;
  return typeof flags === 'string' && flags !== '' ? kind : null;
}

describe('the JSON Schema agrees with validateConfig', () => {
  const schema = compileSchema();

  it('compiles under ajv strict mode, draft 2020-12', () => {
    expect(typeof schema).toBe('function');
  });

  it('accepts every valid fixture', () => {
    for (const config of validConfigs) expect(schema(config) ? [] : schema.errors).toEqual([]);
  });

  for (const root of FIXTURE_ROOTS) {
    const where = root === SHARED ? 'shared/' : 'test/';
    it(`rejects every invalid fixture in ${where}, except those whose only problems no schema can express`, () => {
      const expected: Record<string, string[]> = JSON.parse(readFileSync(`${root}invalid/EXPECTED.json`, 'utf8'));
      const passing: Record<string, Array<string | null>> = {};
      for (const file of Object.keys(expected).filter((name) => !name.startsWith('_'))) {
        const text = readFileSync(`${root}invalid/${file}`, 'utf8');
        let config: unknown;
        try {
          config = JSON.parse(text);
        } catch {
          passing[file] = ['not JSON'];
          continue;
        }
        const result = validateConfig(config);
        if (schema(config)) passing[file] = result.ok ? [] : result.errors.map((error) => kindOf(config, error));
      }
      // An editor reports malformed JSON before any schema; the rest are inexpressible kinds.
      // The shared fixtures predate surveys: each folder is held to the fixtures it has.
      const inexpressible: Record<string, string[]> = {
        'not-json.json': ['not JSON'],
        'duplicate-ids.json': ['unique ids'],
        'tiers-out-of-order.json': ['order between values'],
        'unknown-stage.json': ['references between ids'],
        'survey-loop.json': ['loops between questions'],
        'survey-unknown-target.json': ['references between ids'],
        'poll-duplicate-choice.json': ['labels across locales'],
      };
      expect(passing).toEqual(Object.fromEntries(Object.entries(inexpressible).filter(([file]) => file in expected)));
    });
  }

  it('agrees on survey ranges: low to high within the scale, never high to low', () => {
    const survey = (question: Record<string, unknown>) => ({
      version: 1,
      prompts: [{ id: 's', kind: 'survey', trigger: { on: 'x' }, questions: [question, { id: 'b', type: 'text', text: 'Why?' }] }],
    });
    const cases: Array<[Record<string, unknown>, string, boolean]> = [
      [{ type: 'nps' }, '0-6', true],
      [{ type: 'nps' }, '3-3', true],
      [{ type: 'nps' }, '06-10', true],
      [{ type: 'nps' }, '6-0', false],
      [{ type: 'nps' }, '7-11', false],
      [{ type: 'rating', scale: 'stars', max: 5 }, '1-5', true],
      [{ type: 'rating', scale: 'stars', max: 5 }, '5-1', false],
      [{ type: 'rating', scale: 'thumbs' }, '2-1', false],
    ];
    for (const [question, key, valid] of cases) {
      const config = survey({ id: 'a', text: 'Score?', ...question, next: { [key]: 'b' } });
      expect([key, schema(config), validateConfig(config).ok]).toEqual([key, valid, valid]);
    }
  });

  it('over 2,400 seeded mutations of valid configs, disagrees only where no schema can say it', () => {
    const random = seeded(20_261_203);
    const counts = { mutants: 0, bothAccept: 0, bothReject: 0, onlySchemaAccepts: 0, onlyValidatorAccepts: 0 };
    const byKind: Record<string, number> = {};
    const expressible: Array<{ config: unknown; errors: unknown }> = [];
    for (const base of validConfigs) {
      for (let round = 0; round < Math.ceil(2_400 / validConfigs.length); round++) {
        const config = structuredClone(base);
        for (let step = 1 + Math.floor(random() * 3); step > 0; step--) mutate(config, random);
        counts.mutants++;
        const bySchema = schema(config);
        const result = validateConfig(config);
        if (bySchema === result.ok) {
          counts[bySchema ? 'bothAccept' : 'bothReject']++;
          continue;
        }
        if (result.ok) {
          counts.onlyValidatorAccepts++;
          expressible.push({ config, errors: schema.errors });
          continue;
        }
        counts.onlySchemaAccepts++;
        const kinds = result.errors.map((error) => kindOf(config, error));
        if (kinds.includes(null)) expressible.push({ config, errors: result.errors });
        for (const kind of new Set(kinds)) byKind[String(kind)] = (byKind[String(kind)] ?? 0) + 1;
      }
    }
    console.log('schema vs validateConfig:', JSON.stringify(counts), 'schema-only accepts by kind:', JSON.stringify(byKind));
    expect(counts.mutants).toBeGreaterThanOrEqual(2000);
    expect(counts.bothReject).toBeGreaterThan(counts.mutants / 3);
    expect(expressible.slice(0, 3)).toEqual([]);
  });
});
