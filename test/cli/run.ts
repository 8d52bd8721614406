import { readFile, writeFile } from 'node:fs/promises';
import { runCli } from '../../src/cli/main.js';

/** Runs the CLI in-process with captured output. */
export async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    color: false,
  });
  return { code, out, err };
}
