#!/usr/bin/env node
/**
 * `npm start`: Waymark's collector on its embedded database, and the demo, on 127.0.0.1.
 *   node examples/collector/server.mjs [--port 4300] [--data .data]
 * Environment: PORT, WAYMARK_DATA, WAYMARK_ADMIN_TOKEN (else the one kept in the data folder).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCollector } from './listen.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, data: { type: 'string', short: 'd' } },
});
const port = Number(values.port ?? process.env.PORT ?? 4300);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`waymark demo: invalid port "${values.port ?? process.env.PORT}"`);
  process.exit(1);
}
const dataDir = resolve(values.data ?? process.env.WAYMARK_DATA ?? resolve(root, '.data'));

console.log(`Opening the embedded database in ${dataDir}…`);
const collector = await startCollector({ root, dataDir, port, ...(process.env.WAYMARK_ADMIN_TOKEN ? { adminToken: process.env.WAYMARK_ADMIN_TOKEN } : {}) });
const { url } = collector;
console.log(`
Waymark demo on ${url}/

  Shop (script tag)         ${url}/shop/
  Playground (marketers)    ${url}/playground/
  Report (live)             ${collector.reportUrl}
  SPA (npm import)          ${url}/spa/

  Collector   POST ${url}/collect, embedded database in ${dataDir}/collector
  Admin API   ${url}/api/… with Authorization: Bearer ${collector.adminToken}
${port !== 0 && collector.port !== port ? `\n  (port ${port} was busy, so ${collector.port} is used)\n` : ''}
Press Ctrl+C to stop.`);

const stop = () => collector.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
