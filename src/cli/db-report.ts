import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { journeyReportOf, validateConfig, type Config } from '../server/index.js';
import { EXIT, type CliIo } from './io.js';
import { renderJourney } from './journey-tables.js';

const OPTIONS = {
  db: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'write-key': { type: 'string' },
  stage: { type: 'string' },
  prompt: { type: 'string' },
  device: { type: 'string' },
  locale: { type: 'string' },
  interval: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean' },
} as const;
/** Flag → the `GET /api/report` parameter it sets. */
const PARAMETERS = {
  from: 'from',
  to: 'to',
  'write-key': 'writeKey',
  stage: 'stage',
  prompt: 'prompt',
  device: 'device',
  locale: 'locale',
  interval: 'interval',
} as const;

export const DB_USAGE =
  'usage: waymark report --db <folder|postgres://…> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--write-key K] [--stage S] [--prompt P] [--device D] [--locale L] [--interval day|week] [--config waymark.json] [--json]\n';

async function configOf(path: string | undefined, io: CliIo): Promise<Config | null | undefined> {
  if (!path) return null;
  const text = await readFile(path, 'utf8').catch(() => null);
  const result = text === null ? null : validateConfig(text);
  if (result?.ok) return result.config;
  io.err(`waymark report: ${path} ${text === null ? 'cannot be read' : 'is not a valid config (waymark validate lists why)'}\n`);
  return undefined;
}

/** `waymark report --db …`: the journey report of a collector's database, as tables or JSON. */
export async function dbReportCommand(args: string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; strict: true }>>['values'];
  try {
    values = parseArgs({ args, options: OPTIONS, strict: true }).values;
  } catch (error) {
    io.err(`waymark report: ${(error as Error).message}\n${DB_USAGE}`);
    return EXIT.usage;
  }
  if (!values.db) {
    io.err(DB_USAGE);
    return EXIT.usage;
  }
  const config = await configOf(values.config, io);
  if (config === undefined) return EXIT.usage;
  const query = new URLSearchParams();
  for (const [flag, parameter] of Object.entries(PARAMETERS)) {
    const value = values[flag as keyof typeof PARAMETERS];
    if (value) query.set(parameter, value);
  }
  try {
    const report = await journeyReportOf(values.db, query, config);
    io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderJourney(report, io));
    return EXIT.ok;
  } catch (error) {
    io.err(`waymark report: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
}
