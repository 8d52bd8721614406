import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCollector, listen, type CollectorOptions } from '../server/index.js';
import { EXIT, type CliIo } from './io.js';

export const SERVE_HELP = `waymark serve — Waymark's collector: POST /collect, the points ledger, the admin API

  --port N            port to listen on (default 4300; 0 picks a free one)
  --host H            address to bind (default 127.0.0.1: only this machine)
  --db D              a folder for the embedded database, or a postgres:// URL
                      (default $WAYMARK_DB, else ./.waymark)
  --write-key K       accept batches with this write key (repeat for more; none: any key)
  --origin URL        let pages of this origin post and read answers (repeat; * for any)
  --admin-token T     bearer token of the /api/ routes (default $WAYMARK_ADMIN_TOKEN)
  --config FILE       the marketer config: served at /waymark.json, runs the ledger
  --retention-days N  remove records received more than N days ago, hourly
  --assets DIR        folder served for other GET requests (default: the SDK's dist/)
`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  'write-key': { type: 'string', multiple: true },
  origin: { type: 'string', multiple: true },
  'admin-token': { type: 'string' },
  config: { type: 'string' },
  'retention-days': { type: 'string' },
  assets: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** The collector's options from flags and environment; a string is the reason they are wrong. */
function optionsOf(values: Parsed, env: NodeJS.ProcessEnv): { options: CollectorOptions; port: number; host: string } | string {
  const port = Number(values.port ?? 4300);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port must be 0 to 65535, not "${values.port}"`;
  const retention = values['retention-days'] === undefined ? undefined : Number(values['retention-days']);
  if (retention !== undefined && !(retention > 0)) return `--retention-days must be a positive number, not "${values['retention-days']}"`;
  const adminToken = values['admin-token'] ?? env.WAYMARK_ADMIN_TOKEN;
  const options: CollectorOptions = {
    db: values.db ?? env.WAYMARK_DB ?? '.waymark',
    writeKeys: values['write-key'] ?? [],
    origins: values.origin ?? [],
    assets: values.assets ?? dirname(fileURLToPath(import.meta.url)),
    ...(adminToken ? { adminToken } : {}),
    ...(values.config ? { config: values.config } : {}),
    ...(retention !== undefined ? { retentionDays: retention } : {}),
  };
  return { options, port, host: values.host ?? '127.0.0.1' };
}

/** `waymark serve`: runs until SIGTERM or SIGINT, then closes the server and the database. */
export async function serveCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: Parsed;
  try {
    values = parseArgs({ args, options: OPTIONS, strict: true }).values;
  } catch (error) {
    io.err(`waymark serve: ${(error as Error).message}\n\n${SERVE_HELP}`);
    return EXIT.usage;
  }
  if (values.help) return (io.out(SERVE_HELP), EXIT.ok);
  const resolved = optionsOf(values, env);
  if (typeof resolved === 'string') return (io.err(`waymark serve: ${resolved}\n`), EXIT.usage);
  const collector = createCollector({ ...resolved.options, onError: (error) => io.err(`waymark serve: ${error.message}\n`) });
  try {
    await collector.ready();
  } catch (error) {
    io.err(`waymark serve: cannot open the database: ${(error as Error).message}\n`);
    await collector.close();
    return EXIT.usage;
  }
  const server = await listen(collector, { port: resolved.port, host: resolved.host }).catch(async (error: Error) => {
    await collector.close();
    throw error;
  });
  if (!resolved.options.writeKeys?.length) io.err('waymark serve: no --write-key given, so any write key is accepted\n');
  io.out(`listening on ${server.url}\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await server.close();
  await collector.close();
  io.err(`waymark serve: stopped on ${signal}\n`);
  return EXIT.ok;
}
