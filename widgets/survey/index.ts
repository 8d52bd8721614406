/**
 * The survey kind's chunk (dist/waymark-survey.js), loaded beside the widgets shell only when a
 * survey shows. It bundles no preact and no shell code: the shell hands them to `install()`
 * first (see shell-lib.ts), so one preact runs the page and either file can be fetched again
 * after a failed load.
 */
export { install } from './shell-lib.js';
export { Survey as Kind } from './survey.js';
