import type { JourneyReport } from '../report/journey-report.js';
import { reportCsv } from './csv.js';
import { el } from './dom.js';
import { funnelSection, promptsSection, rewardsSection, stagesSection, totalsSection, trendsSection } from './sections.js';

/** The filters the page offers, by query parameter; the URL keeps them, so a view can be shared. */
const PICKERS = [
  { name: 'writeKey', label: 'Write key', options: (report: JourneyReport) => report.options.writeKeys },
  { name: 'stage', label: 'Stage', options: (report: JourneyReport) => report.options.stages },
  { name: 'prompt', label: 'Prompt', options: (report: JourneyReport) => report.options.prompts },
  { name: 'device', label: 'Device', options: (report: JourneyReport) => report.options.devices },
  { name: 'locale', label: 'Locale', options: (report: JourneyReport) => report.options.locales },
] as const;
const TOKEN_KEY = 'waymark-admin-token';
/** The page follows new answers while it is looked at; the roll-ups make a refresh cheap. */
const REFRESH_MS = 15_000;

const byId = (id: string) => document.getElementById(id)!;
const status = (text: string) => (byId('status').textContent = text);

/** The admin token comes once in the link's fragment (never sent to a server) and is kept in this browser. */
function adminToken(): string | null {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    localStorage.setItem(TOKEN_KEY, fromLink);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return localStorage.getItem(TOKEN_KEY);
}

function drawFilters(report: JourneyReport, params: URLSearchParams) {
  const form = byId('filters');
  const date = (name: string, label: string) => el('label', {}, label, el('input', { type: 'date', name, value: params.get(name) ?? '' }));
  const select = (name: string, label: string, values: string[], any: string) => {
    const chosen = params.get(name) ?? '';
    const box = el(
      'select',
      { name },
      el('option', { value: '' }, any),
      ...values.map((value) => el('option', value === chosen ? { value, selected: '' } : { value }, value)),
    );
    return el('label', {}, label, box);
  };
  const interval = select('interval', 'Trend', ['week'], 'per day');
  form.replaceChildren(
    date('from', 'From'),
    date('to', 'To (excl.)'),
    ...PICKERS.map((picker) => select(picker.name, picker.label, picker.options(report), 'all')),
    interval,
  );
}

function draw(report: JourneyReport) {
  byId('report').replaceChildren(
    totalsSection(report),
    el('div', { class: 'grid two' }, funnelSection(report), rewardsSection(report)),
    trendsSection(report),
    stagesSection(report),
    promptsSection(report),
  );
  const csv = new Blob([reportCsv(report)], { type: 'text/csv;charset=utf-8' });
  const link = byId('csv') as HTMLAnchorElement;
  if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(csv);
  link.download = `waymark-report-${report.filters.from ?? 'start'}-${report.filters.to ?? 'now'}.csv`;
}

async function load(token: string) {
  const params = new URLSearchParams(location.search);
  status('Loading…');
  const response = await fetch(`/api/report?${params}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.json();
  if (!response.ok) return status(`The collector answered ${response.status}: ${body.error}`);
  drawFilters(body, params);
  draw(body);
  status(`Updated ${new Date().toLocaleTimeString()}`);
  document.body.dataset.state = 'ready';
}

function start() {
  const token = adminToken();
  if (!token) return status('Open this page with #token=<admin token> at the end of its address.');
  const refresh = () => void load(token).catch((error: Error) => status(`Could not load the report: ${error.message}`));
  byId('filters').addEventListener('change', (event) => {
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const params = new URLSearchParams();
    for (const [name, value] of form) if (typeof value === 'string' && value) params.set(name, value);
    history.replaceState(null, '', `${location.pathname}?${params}`);
    document.body.dataset.state = 'loading';
    refresh();
  });
  refresh();
  setInterval(() => document.visibilityState === 'visible' && refresh(), REFRESH_MS);
}

start();
