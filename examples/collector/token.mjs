import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The demo's admin token: made once per data folder and kept in `admin-token` beside the
 * database (never served), so a report page opened before a restart keeps working and a
 * terminal can read it (`cat .data/admin-token`).
 */
export async function demoAdminToken(dataDir) {
  const file = join(dataDir, 'admin-token');
  const kept = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (kept) return kept;
  const token = randomBytes(18).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return token;
}
