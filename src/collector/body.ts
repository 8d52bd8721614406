import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export interface BodyLimits {
  /** Bytes on the wire, before decompression. */
  maxBodyBytes: number;
  /** Bytes after decompression: what a gzip bomb would blow up. */
  maxDecodedBytes: number;
}

/** The answer a body gets when it cannot be read: an HTTP status with its reason. */
export class BodyError extends Error {
  constructor(
    readonly status: 413 | 415 | 400,
    message: string,
  ) {
    super(message);
  }
}

/** Counts bytes going through and fails the pipeline as soon as they pass `limit`. */
function limitTo(limit: number, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) done(new BodyError(413, `${what} is larger than ${limit} bytes`));
      else done(null, chunk);
    },
  });
}

function decoderFor(encoding: string): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new BodyError(415, `content-encoding "${encoding}" is not supported (gzip, deflate, br)`);
  }
}

/**
 * Reads a request body as text, decompressing as it streams: both limits are checked on
 * every chunk, so an oversized or bomb body stops being read the moment it passes one.
 */
export async function readBody(request: Request, limits: BodyLimits): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limits.maxBodyBytes) throw new BodyError(413, `the body is larger than ${limits.maxBodyBytes} bytes`);
  if (!request.body) return '';
  const decoder = decoderFor((request.headers.get('content-encoding') ?? '').trim().toLowerCase());
  const chunks: Buffer[] = [];
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) chunks.push(chunk);
  };
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  const wire = limitTo(limits.maxBodyBytes, 'the body');
  try {
    if (decoder) await pipeline(source, wire, decoder, limitTo(limits.maxDecodedBytes, 'the decompressed body'), collect);
    else await pipeline(source, wire, collect);
  } catch (error) {
    if (error instanceof BodyError) throw error;
    throw new BodyError(400, `the body could not be read: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}
