import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { compileConfig } from '../config/compile.js';
import { localize } from '../config/localize.js';
import type { Config, Prompt } from '../config/schema.js';
import { json, problem } from './answers.js';
import { serveAsset } from './assets.js';
import type { Settings } from './options.js';

/** The built SDK beside the built server.mjs (dist/), whatever `assets` folder the collector serves. */
const SDK_FOLDER = fileURLToPath(new URL('./', import.meta.url));
const SDK_FILE = /^\/s\/sdk\/(waymark(?:-[a-z]+)?\.js)$/;

/**
 * `GET /s/<promptId>`: any prompt of the collector's config that asks something, as a page of
 * its own, to share by email or chat. The page runs the SDK from this collector against it,
 * so answers are recorded like any other; its config holds that prompt alone, shown at once
 * inline in the page, whatever its trigger, `if`, sample or frequency say.
 */
export async function hostedRoute(settings: Settings, request: Request, pathname: string, headers: Record<string, string>): Promise<Response | null> {
  const sdk = SDK_FILE.exec(pathname);
  if (sdk) return serveAsset(SDK_FOLDER, request, `/${sdk[1]}`, headers);
  const match = /^\/s\/([^/]+)(\/waymark\.json)?$/.exec(pathname);
  if (!match) return null;
  let promptId: string;
  try {
    promptId = decodeURIComponent(match[1]!);
  } catch {
    return problem(400, 'the survey id is not valid URL encoding', headers);
  }
  const config = settings.config?.parsed;
  const prompt = config?.prompts?.find((candidate) => candidate.id === promptId);
  if (!config || !prompt || prompt.kind === 'reward')
    return problem(404, config ? `the config has no prompt "${promptId}" that asks something` : 'survey pages need the collector to have a --config', headers);
  if (match[2]) return json(200, hostedConfig(config, prompt), { ...headers, 'cache-control': 'no-cache' });
  const closed = outsideSchedule(prompt, settings.now());
  const nonce = randomUUID();
  return new Response(request.method === 'HEAD' ? null : hostedPage(config, prompt, { writeKey: settings.writeKeys[0] ?? 'hosted', closed, nonce }), {
    status: closed ? 410 : 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', ...pageSecurity(nonce), ...headers },
  });
}

/** The config of one hosted prompt: shown on the page view, inline in the page's own survey slot; the rest of the config stays (theme, rewards). */
export function hostedConfig(config: Config, prompt: Prompt): unknown {
  const { if: _if, sample: _sample, frequency: _frequency, presentation: _presentation, ...rest } = prompt;
  const { limits: _limits, $compiled: _compiled, ...shared } = config as Config & { $compiled?: unknown };
  const hosted = { ...shared, prompts: [{ ...rest, trigger: { on: '$page_view' }, presentation: { placement: 'inline', target: '#survey' } }] };
  const compiled = compileConfig(hosted);
  return compiled.ok ? compiled.config : hosted;
}

function outsideSchedule({ schedule }: Prompt, now: number): boolean {
  if (!schedule) return false;
  return (schedule.start !== undefined && now < Date.parse(schedule.start)) || (schedule.end !== undefined && now >= Date.parse(schedule.end));
}

/** A theme colour as CSS, or the fallback when it is anything but a plain colour value. */
const colour = (value: string | undefined, fallback: string) => (value && /^[#\w(),.%\s-]+$/.test(value) ? value : fallback);

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/** The page's title: the survey's title, else its first question, in the config's default locale. */
function titleOf(prompt: Prompt, locale: string): string {
  const content = prompt.content as { title?: unknown; question?: unknown } | undefined;
  const text = content?.title ?? content?.question ?? ('questions' in prompt ? prompt.questions[0]?.text : undefined);
  return localize(text as Parameters<typeof localize>[0], locale, locale) || 'Survey';
}

/** Only this collector's scripts, and this page's one style block. */
function pageSecurity(nonce: string): Record<string, string> {
  return {
    'content-security-policy': `default-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

function hostedPage(config: Config, prompt: Prompt, { writeKey, closed, nonce }: { writeKey: string; closed: boolean; nonce: string }): string {
  const locale = config.defaultLocale ?? 'en';
  const title = escapeHtml(titleOf(prompt, locale));
  const background = colour(config.theme?.background, '#f6f6f4');
  const text = colour(config.theme?.text, '#1d1d1b');
  const id = encodeURIComponent(prompt.id);
  const sdk = closed
    ? '<p>This survey is closed.</p>'
    : `<noscript><p>This survey needs JavaScript.</p></noscript>
  <script async src="/s/sdk/waymark.js" data-endpoint="/collect" data-config="/s/${id}/waymark.json" data-write-key="${escapeHtml(writeKey)}"></script>`;
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <link rel="icon" href="data:,">
  <title>${title}</title>
  <style nonce="${nonce}">body{margin:0;min-height:100vh;font:16px/1.5 system-ui,sans-serif;background:${background};color:${text}}main{max-width:36rem;margin:0 auto;padding:3rem 1.5rem}</style>
</head>
<body>
  <main>
    <h1>${title}</h1>
    <div id="survey"></div>
  ${sdk}
  </main>
</body>
</html>
`;
}
