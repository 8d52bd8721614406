/** The `waymark` command (package.json `bin`). */
import { readFile, writeFile } from 'node:fs/promises';
import { runCli } from './main.js';

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

runCli(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  color,
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`waymark: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
