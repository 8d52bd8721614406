import { printable } from './printable.js';

/** What a CLI command may touch, so tests run commands in-process without a real terminal. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  /** Whether ANSI colours are welcome (a TTY without NO_COLOR). */
  color: boolean;
}

/** Exit codes: 0 success, 1 the input has problems, 2 the command could not run. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export const paint = (io: CliIo, code: number, text: string) => (io.color ? `\u001b[${code}m${text}\u001b[0m` : text);
export const red = (io: CliIo, text: string) => paint(io, 31, text);
export const green = (io: CliIo, text: string) => paint(io, 32, text);
export const dim = (io: CliIo, text: string) => paint(io, 2, text);
export const bold = (io: CliIo, text: string) => paint(io, 1, text);

/** Reads a file, or reports why not and returns null. */
export async function readInput(io: CliIo, path: string): Promise<string | null> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    io.err(`waymark: cannot read ${printable(path)}${code === 'ENOENT' ? ': no such file' : `: ${String((error as Error).message ?? error)}`}\n`);
    return null;
  }
}
