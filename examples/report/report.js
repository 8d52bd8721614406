import { columnChart, horizontalBars, stackedBar } from './charts.js';

const BAND_COLORS = { detractor: '#dc2626', passive: '#f59e0b', promoter: '#16a34a' };
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};
const round = (value, digits = 0) => (Math.round(value * 10 ** digits) / 10 ** digits).toString();
const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
const card = (title, ...children) => el('section', { class: 'panel' }, el('h2', {}, title), ...children);
const bandOf = (score) => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

/** Scores from the lowest to the highest seen, gaps filled, so the shape of answers shows. */
function distributionColumns(distribution, range, colorOf) {
  const scores = Object.keys(distribution).map(Number);
  const low = Math.min(range?.[0] ?? Infinity, ...scores);
  const high = Math.max(range?.[1] ?? -Infinity, ...scores);
  const columns = [];
  for (let score = low; score <= high; score++) columns.push({ label: String(score), value: distribution[score] ?? 0, color: colorOf?.(score) });
  return columns;
}

function npsCard(id, result) {
  const { nps } = result;
  const tone = nps.score >= 30 ? 'ok' : nps.score < 0 ? 'fail' : '';
  return card(
    `NPS · ${id}`,
    el('div', { class: 'headline' }, el('b', { class: tone, 'data-testid': `nps-score-${id}` }, round(nps.score)), el('span', { class: 'muted', 'data-testid': `nps-answers-${id}` }, plural(nps.total, 'answer'))),
    stackedBar([
      { label: 'Detractors', value: nps.detractors, color: BAND_COLORS.detractor },
      { label: 'Passives', value: nps.passives, color: BAND_COLORS.passive },
      { label: 'Promoters', value: nps.promoters, color: BAND_COLORS.promoter },
    ]),
    columnChart(distributionColumns(result.distribution ?? {}, [0, 10], (score) => BAND_COLORS[bandOf(score)])),
  );
}

function ratingCard(id, result) {
  const answers = Object.values(result.distribution ?? {}).reduce((sum, count) => sum + count, 0);
  const headline = result.csat
    ? [el('b', { 'data-testid': `csat-${id}` }, `${round(result.csat.score)}%`), el('span', { class: 'muted' }, `CSAT · ${plural(answers, 'answer')}`)]
    : result.ces
      ? [el('b', { 'data-testid': `ces-${id}` }, round(result.ces.mean, 2)), el('span', { class: 'muted' }, `CES (mean effort) · ${plural(answers, 'answer')}`)]
      : [el('b', {}, String(answers)), el('span', { class: 'muted' }, 'answers')];
  return card(`Rating · ${id}`, el('div', { class: 'headline' }, ...headline), columnChart(distributionColumns(result.distribution ?? {}, [1, 1])));
}

function exitCard(id, result) {
  const rows = Object.entries(result.reasons ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([label, value]) => ({ label, value }));
  if (result.other?.length) rows.push({ label: 'Other', value: result.other.length, color: '#94a3b8' });
  return card(
    `Exit reasons · ${id}`,
    rows.length ? horizontalBars(rows) : el('p', { class: 'empty' }, 'No reasons given yet.'),
    ...(result.other?.length ? [el('ul', { class: 'others' }, ...result.other.slice(-5).map((text) => el('li', {}, `“${text}”`)))] : []),
  );
}

function responseCard(prompts) {
  const rows = prompts.map(([id, result]) => ({
    label: id,
    value: result.responseRate * 100,
    text: `${round(result.responseRate * 100)}% (${result.answered} of ${result.shown})`,
  }));
  return card('Response rate per prompt', horizontalBars(rows, { max: 100, valueWidth: 100 }));
}

function tierCard(pointsByTier) {
  const tiers = Object.entries(pointsByTier);
  return card(
    'Points by tier',
    horizontalBars(
      tiers.map(([tier, row]) => ({ label: `${tier === 'none' ? 'first tier' : tier} (${plural(row.visitors, 'visitor')})`, value: row.awarded, text: `${row.awarded} earned, ${row.redeemed} spent` })),
      { labelWidth: 130, valueWidth: 120 },
    ),
  );
}

function renderSummary(data) {
  const prompts = Object.entries(data.summary.prompts);
  const shown = prompts.reduce((sum, [, result]) => sum + result.shown, 0);
  const answered = prompts.reduce((sum, [, result]) => sum + result.answered, 0);
  document.getElementById('stats').replaceChildren(
    ...[
      ['Touchpoints', data.events],
      ['Visitors', data.visitors],
      ['Prompts shown', shown],
      ['Answers', answered],
    ].map(([label, value]) => el('div', { class: 'stat' }, el('b', {}, String(value)), el('span', { class: 'muted' }, label))),
  );
  const cards = [];
  if (prompts.length) cards.push(responseCard(prompts));
  for (const [id, result] of prompts) {
    if (result.nps) cards.push(npsCard(id, result));
    else if (result.kind === 'rating' && result.distribution) cards.push(ratingCard(id, result));
    else if (result.kind === 'exit' && result.answered) cards.push(exitCard(id, result));
  }
  if (data.summary.pointsByTier) cards.push(tierCard(data.summary.pointsByTier));
  if (!cards.length) cards.push(card('Nothing yet', el('p', {}, 'No prompt has been shown. Open the ', el('a', { href: '/shop/' }, 'shop'), ', buy something, and answer the question that follows.')));
  document.getElementById('charts').replaceChildren(...cards);

  const select = document.getElementById('source');
  for (const key of Object.keys(data.sources)) {
    if (![...select.options].some((option) => option.value === key)) select.append(el('option', { value: key }, key));
  }
}

function renderEvents(events) {
  document.getElementById('events').replaceChildren(
    ...events.map((event) =>
      el(
        'tr',
        {},
        el('td', {}, new Date(event.ts).toLocaleTimeString()),
        el('td', {}, event.name),
        el('td', {}, JSON.stringify(event.props ?? {})),
        el('td', {}, event.page?.path ?? ''),
        el('td', {}, event.writeKey || '–'),
      ),
    ),
  );
}

const status = document.getElementById('status');
/**
 * The collector's `/api/` routes need its admin token. The demo puts it in the link it
 * prints (`/report/#token=…`): a fragment never leaves the browser, and this page keeps it
 * (localStorage), so the shop's and the home page's plain `/report/` links work afterwards.
 */
const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? localStorage.getItem('waymark-admin-token') ?? '';
if (token) localStorage.setItem('waymark-admin-token', token);
const adminFetch = async (path) => {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (response.status === 401) throw new Error('the collector wants its admin token: open the report link that npm start printed');
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response;
};
/** The newest stored touchpoints, from the collector's NDJSON export of the last hour. */
async function latestEvents(limit) {
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const text = await (await adminFetch(`/api/export?format=ndjson&from=${encodeURIComponent(from)}`)).text();
  return text.trim() ? text.trim().split('\n').slice(-limit).reverse().map((line) => JSON.parse(line)) : [];
}

async function refresh() {
  const source = document.getElementById('source').value;
  try {
    const [report, events] = await Promise.all([
      adminFetch(`/api/report${source ? `?writeKey=${encodeURIComponent(source)}` : ''}`).then((response) => response.json()),
      latestEvents(15),
    ]);
    renderSummary(report);
    renderEvents(events);
    status.textContent = `Live · updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    status.textContent = `Could not load the report: ${error.message}`;
  }
}

// Live: the collector keeps no push channel, so the page asks again every two seconds.
const REFRESH_MS = 2_000;
const loop = () => refresh().finally(() => setTimeout(loop, REFRESH_MS));
document.getElementById('source').addEventListener('change', refresh);
loop();
