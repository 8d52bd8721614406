import { withoutByteOrderMark } from '../config/json-text.js';
import type { ConfigProblem } from '../config/validate.js';
import { validateConfig } from '../server/index.js';
import { bold, dim, EXIT, green, paint, readInput, red, type CliIo } from './io.js';
import { jsonPathPositions, positionOfPath, type Position } from './json-positions.js';
import { printable } from './printable.js';

/** A JSON syntax error arrives at `(root)` with its place already in the message. */
const SYNTAX_POSITION = /line (\d+), column (\d+)/;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * `waymark validate <config.json>`: every problem as `file:line:column  path  message`
 * (the form editors and terminals turn into links), then every warning; exit 1 when there is
 * any problem (warnings alone keep exit 0).
 */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length === 0) {
    io.err('usage: waymark validate <config.json> [more.json…]\n');
    return EXIT.usage;
  }
  let exit: number = EXIT.ok;
  for (const file of args) {
    const raw = await readInput(io, file);
    if (raw === null) {
      exit = EXIT.usage;
      continue;
    }
    // Browsers drop a byte-order mark before the config is parsed; so does the CLI, and
    // columns on the first line count from after it, as editors show them.
    const text = withoutByteOrderMark(raw);
    const result = validateConfig(text);
    const name = printable(file);
    const positions = jsonPathPositions(text);
    const print = (problem: ConfigProblem, label: (text: string) => string, prefix = '') => {
      const syntax = problem.path === '(root)' ? SYNTAX_POSITION.exec(problem.message) : null;
      const at: Position = syntax ? { line: Number(syntax[1]), column: Number(syntax[2]) } : positionOfPath(positions, problem.path);
      io.out(`${bold(io, `${name}:${at.line}:${at.column}`)}  ${label(printable(problem.path))}  ${prefix}${printable(problem.message)}\n`);
    };
    const warnings = result.warnings.length ? `, ${plural(result.warnings.length, 'warning')}` : '';
    if (!result.ok) for (const problem of result.errors) print(problem, (path) => red(io, path));
    for (const warning of result.warnings) print(warning, (path) => paint(io, 33, path), 'warning: ');
    if (result.ok) {
      const { prompts = [], stages = [] } = result.config;
      io.out(`${green(io, '✓')} ${name}: valid (${plural(prompts.length, 'prompt')}, ${plural(stages.length, 'stage')})${warnings}\n`);
      continue;
    }
    if (exit === EXIT.ok) exit = EXIT.invalid;
    io.out(dim(io, `${plural(result.errors.length, 'problem')} in ${name}${warnings}\n`));
  }
  return exit;
}
