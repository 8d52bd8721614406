import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export type FetchHandler = (request: Request) => Promise<Response>;

/** A node:http request as a fetch `Request`; Express's mount path is kept via `originalUrl`. */
export function toRequest(incoming: IncomingMessage, base: string): Request {
  const path = (incoming as IncomingMessage & { originalUrl?: string }).originalUrl ?? incoming.url ?? '/';
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (hasBody) {
    init.body = Readable.toWeb(incoming) as unknown as ReadableStream<Uint8Array>;
    // Node's fetch needs this for a streamed request body.
    init.duplex = 'half';
  }
  return new Request(new URL(path, base), init);
}

/** Writes a fetch `Response` to a node:http response, streaming its body. */
export async function sendResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void outgoing.end();
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  body.on('error', () => outgoing.destroy());
  body.pipe(outgoing);
}

/**
 * The handler as a node:http listener `(req, res)`, for `http.createServer`, Express
 * (`app.use(listener)`) or Fastify (`reply.hijack()` then `listener(req.raw, reply.raw)`).
 */
export function toNodeListener(handler: FetchHandler): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  return (incoming, outgoing) => {
    const host = incoming.headers.host ?? 'localhost';
    let request: Request;
    try {
      request = toRequest(incoming, `http://${host}`);
    } catch (error) {
      outgoing.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `bad request: ${(error as Error).message}` }));
      return;
    }
    handler(request)
      .then((response) => sendResponse(response, outgoing))
      .catch((error: Error) => {
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ error: error.message }));
      });
  };
}

export interface Listening {
  /** `http://HOST:PORT`, with the port the system chose when asked for 0. */
  url: string;
  close(): Promise<void>;
}

/** Serves `handler` on node:http; 127.0.0.1 unless told otherwise, so nothing is exposed by default. */
export function listen(handler: FetchHandler, { port = 4300, host = '127.0.0.1' }: { port?: number; host?: string } = {}): Promise<Listening> {
  const server = createServer(toNodeListener(handler));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${chosen}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
