import { createServer } from 'node:http';
import { createCollector } from './app.mjs';

/** Loopback only: the demo collector is never reachable from the network. */
export const HOST = '127.0.0.1';

function listenOnce(server, port) {
  return new Promise((resolve, reject) => {
    const fail = (error) => {
      server.off('listening', done);
      reject(error);
    };
    const done = () => {
      server.off('error', fail);
      resolve(server.address().port);
    };
    server.once('error', fail);
    server.once('listening', done);
    server.listen(port, HOST);
  });
}

/**
 * Starts the collector on `port`, or on the next free one when it is taken (up to
 * `attempts` tries). Port 0 lets the OS choose.
 */
export async function startCollector({ root, dataDir, port = 4300, attempts = 20, summarize }) {
  const collector = await createCollector({ root, dataDir, ...(summarize ? { summarize } : {}) });
  const server = createServer(collector.handler);
  let bound;
  for (let attempt = 0; bound === undefined; attempt++) {
    try {
      bound = await listenOnce(server, port === 0 ? 0 : port + attempt);
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || attempt + 1 >= attempts) throw error;
    }
  }
  return {
    url: `http://${HOST}:${bound}`,
    port: bound,
    store: collector.store,
    close: () =>
      new Promise((resolve) => {
        collector.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
