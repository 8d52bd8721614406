import { validateConfig } from '../server/index.js';
import { bold, dim, EXIT, green, readInput, red, type CliIo } from './io.js';
import { jsonPathPositions, positionOfPath, type Position } from './json-positions.js';

/** A JSON syntax error arrives at `(root)` with its place already in the message. */
const SYNTAX_POSITION = /line (\d+), column (\d+)/;

/**
 * `waymark validate <config.json>`: every problem as `file:line:column  path  message`
 * (the form editors and terminals turn into links); exit 1 when there is any.
 */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length === 0) {
    io.err('usage: waymark validate <config.json> [more.json…]\n');
    return EXIT.usage;
  }
  let exit: number = EXIT.ok;
  for (const file of args) {
    const text = await readInput(io, file);
    if (text === null) {
      exit = EXIT.usage;
      continue;
    }
    const result = validateConfig(text);
    if (result.ok) {
      const { prompts = [], stages = [] } = result.config;
      io.out(`${green(io, '✓')} ${file}: valid (${prompts.length} prompt${prompts.length === 1 ? '' : 's'}, ${stages.length} stage${stages.length === 1 ? '' : 's'})\n`);
      continue;
    }
    if (exit === EXIT.ok) exit = EXIT.invalid;
    const positions = jsonPathPositions(text);
    for (const problem of result.errors) {
      const syntax = problem.path === '(root)' ? SYNTAX_POSITION.exec(problem.message) : null;
      const at: Position = syntax ? { line: Number(syntax[1]), column: Number(syntax[2]) } : positionOfPath(positions, problem.path);
      io.out(`${bold(io, `${file}:${at.line}:${at.column}`)}  ${red(io, problem.path)}  ${problem.message}\n`);
    }
    const count = result.errors.length;
    io.out(dim(io, `${count} problem${count === 1 ? '' : 's'} in ${file}\n`));
  }
  return exit;
}
