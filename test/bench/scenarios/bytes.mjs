import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../../size/check.mjs';

const FILES = { core: 'dist/waymark.js', esm: 'dist/waymark.mjs', widgets: 'dist/waymark-widgets.js', config: 'dist/waymark-config.js' };

/** Figure 1: raw and gzip bytes of each browser bundle, with the same measure as `npm run size`. */
export function bytes(root) {
  const values = {};
  const why = {};
  for (const [key, file] of Object.entries(FILES)) {
    const found = existsSync(join(root, file));
    const { raw, gzip } = found ? measure(join(root, file)) : { raw: null, gzip: null };
    Object.assign(values, { [`${key}.raw`]: raw, [`${key}.gzip`]: gzip });
    if (!found) why[`${key}.gzip`] = `${file} is missing: run npm run build`;
  }
  // What a script-tag page with a config downloads before any prompt shows.
  values['scriptTag.gzip'] = values['core.gzip'] === null || values['config.gzip'] === null ? null : values['core.gzip'] + values['config.gzip'];
  return { values, why };
}
