/** The largest request body accepted; the SDK answers 413 by splitting its batch. */
export const MAX_BODY_BYTES = 1024 * 1024;

const isText = (value, max) => typeof value === 'string' && value.length > 0 && value.length <= max;

/** A touchpoint the store can keep: it has an id to deduplicate on, a name and a time. */
function isTouchpoint(record) {
  return (
    record !== null &&
    typeof record === 'object' &&
    isText(record.id, 100) &&
    isText(record.name, 200) &&
    isText(record.ts, 40) &&
    !Number.isNaN(Date.parse(record.ts))
  );
}

/**
 * Reads the wire format (`{ writeKey, sentAt, sdk, batch: [touchpoint…] }`, JSON sent as
 * text/plain so browsers need no preflight). A body that is not that shape is refused
 * whole; single malformed records are skipped and counted.
 */
export function parseWireBody(text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, message: 'body is not JSON' };
  }
  if (body === null || typeof body !== 'object' || !Array.isArray(body.batch)) {
    return { ok: false, message: 'expected { writeKey, sentAt, sdk, batch: [...] }' };
  }
  const writeKey = typeof body.writeKey === 'string' ? body.writeKey : '';
  const receivedAt = new Date().toISOString();
  const records = [];
  let rejected = 0;
  for (const record of body.batch) {
    if (isTouchpoint(record)) records.push({ ...record, writeKey, receivedAt });
    else rejected++;
  }
  return { ok: true, writeKey, records, rejected };
}
