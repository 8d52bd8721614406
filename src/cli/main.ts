import { configJsonSchema } from '../server/index.js';
import { buildCommand } from './build.js';
import { EXIT, type CliIo } from './io.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import { validateCommand } from './validate.js';

const VERSION = '__WAYMARK_VERSION__';

const HELP = `waymark — tools for Waymark configs and collected touchpoints

usage:
  waymark validate <config.json>…    check a marketer config; prints file:line:column, path and
                                     message for each problem; exit 1 if any
  waymark build <config.json> [-o out.json]
                                     validate, then write the compiled config the browser
                                     loads without its validator (default <config>.compiled.json;
                                     -o - prints it)
  waymark report <events.ndjson>     summarize exported touchpoints (NPS, ratings, CSAT/CES,
                                     exit reasons, response rates, points by tier) as tables
  waymark report --db <folder|url>   the journey report of a collector's database: funnel, KPIs
                                     by stage, trend, prompts, rewards (--from --to --write-key
                                     --stage --prompt --device --locale --interval --json)
  waymark schema                     print the config's JSON Schema (for "$schema" autocomplete)
  waymark serve [--port 4300] …      run the collector (waymark serve --help lists its flags)
  waymark --version | --help
`;

/** Runs one CLI invocation; resolves to the process exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'validate':
      return validateCommand(rest, io);
    case 'build':
      return buildCommand(rest, io);
    case 'report':
      return reportCommand(rest, io);
    case 'serve':
      return serveCommand(rest, io);
    case 'schema':
      io.out(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
      return EXIT.ok;
    case '--version':
    case '-v':
      io.out(`waymark ${VERSION}\n`);
      return EXIT.ok;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return EXIT.ok;
    default:
      io.err(`waymark: unknown command "${command}"\n\n${HELP}`);
      return EXIT.usage;
  }
}
