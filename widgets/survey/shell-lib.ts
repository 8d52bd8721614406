import type { ShellLib } from '../contract.js';

/**
 * In source (unit tests, an app bundling Waymark from source) the survey imports preact and
 * the shell directly and there is nothing to bind. The chunk build (rollup.config.mjs,
 * `fromShell`) replaces this module and those imports with bindings that `install()` fills
 * from the shell's `ShellLib`.
 */
export function install(_shell: ShellLib): void {}
