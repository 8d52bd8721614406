import { createDemo } from './app.mjs';
import { demoAdminToken } from './token.mjs';

/** Loopback only: the demo collector is never reachable from the network. */
export const HOST = '127.0.0.1';

/**
 * Starts the demo on `port`, or on the next free one when it is taken (up to `attempts`
 * tries; port 0 lets the OS choose). Without an `adminToken` the data folder's own is used
 * (made at the first start): the report page gets it in its link.
 */
export async function startCollector({ root, dataDir, port = 4300, attempts = 20, adminToken: given }) {
  const adminToken = given ?? (await demoAdminToken(dataDir));
  const demo = await createDemo({ root, dataDir, adminToken });
  let server;
  for (let attempt = 0; !server; attempt++) {
    try {
      server = await demo.listen(demo.handler, { port: port === 0 ? 0 : port + attempt, host: HOST });
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || attempt + 1 >= attempts) {
        await demo.collector.close();
        throw error;
      }
    }
  }
  const url = server.url.replace(/\/$/, '');
  return {
    url,
    port: Number(new URL(url).port),
    adminToken,
    reportUrl: `${url}/report/#token=${adminToken}`,
    async close() {
      await server.close();
      await demo.collector.close();
    },
  };
}
