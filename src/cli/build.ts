import { withoutByteOrderMark } from '../config/json-text.js';
import { compileConfig } from '../server/index.js';
import { dim, EXIT, green, readInput, type CliIo } from './io.js';
import { printable } from './printable.js';
import { validateCommand } from './validate.js';

const USAGE = 'usage: waymark build <config.json> [-o out.json | -o -]\n';

/** `config.json` → `config.compiled.json`; any other name gets `.compiled.json` appended. */
export const defaultOutput = (input: string) => input.replace(/(\.json)?$/i, '.compiled.json');

function parseArgs(args: string[]): { input: string; output: string } | null {
  const rest = [...args];
  let output: string | undefined;
  const flag = rest.findIndex((arg) => arg === '-o' || arg === '--out');
  if (flag >= 0) {
    output = rest[flag + 1];
    if (output === undefined) return null;
    rest.splice(flag, 2);
  }
  const [input, ...extra] = rest;
  if (input === undefined || extra.length) return null;
  return { input, output: output ?? defaultOutput(input) };
}

/**
 * `waymark build <config.json>`: validates the config as `waymark validate` does and, when it
 * is valid, writes it compiled (normalised, marked with the grammar and a content hash) so
 * browsers take it without fetching the validator. An invalid config writes nothing and
 * prints its problems; exit codes are validate's.
 */
export async function buildCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    io.err(USAGE);
    return EXIT.usage;
  }
  const raw = await readInput(io, parsed.input);
  if (raw === null) return EXIT.usage;
  const result = compileConfig(withoutByteOrderMark(raw));
  // Problems and warnings are printed with their file:line:column, as validate prints them.
  if (!result.ok) return validateCommand([parsed.input], io);
  const toStdout = parsed.output === '-';
  if (toStdout) io.out(`${result.text}\n`);
  else await io.writeFile(parsed.output, `${result.text}\n`);
  const report = (text: string) => (toStdout ? io.err(text) : io.out(text));
  for (const warning of result.warnings) report(dim(io, `warning at ${printable(warning.path)}: ${printable(warning.message)}\n`));
  if (!toStdout)
    report(`${green(io, '✓')} ${printable(parsed.output)}: compiled (grammar ${result.config.$compiled.grammar}, hash ${result.config.$compiled.hash})\n`);
  return EXIT.ok;
}
