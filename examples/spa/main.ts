import { init } from 'waymark';
import { config } from './config.js';
import { renderRoute } from './routes.js';

// One instance for the app's lifetime: init() is idempotent, so hot reloads or a second
// call from another module get the same instance instead of double-tracking. The demo shop
// shares this origin, so the app keeps its visitor data under its own namespace.
const wm = init({ endpoint: '/collect', writeKey: 'demo-spa', namespace: 'spa', config, debug: true });
wm.on('error', (error) => console.warn(`[spa] waymark ${error.code}: ${error.message}`));

const stageLabel = document.querySelector<HTMLElement>('[data-testid="stage"]')!;
wm.state.stage.subscribe((stage) => (stageLabel.textContent = stage ? `journey stage: ${stage}` : ''));

/** Client-side routing: pushState, no reload. The SDK sees the route change by itself. */
function navigate(path: string) {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  show();
}

function show() {
  const app = document.getElementById('app')!;
  renderRoute(location.pathname, app, { track: (name, props) => wm.track(name, props), navigate });
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    if (link.pathname === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  app.focus();
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a[data-link]');
  if (!(link instanceof HTMLAnchorElement) || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(link.pathname);
});
window.addEventListener('popstate', show);
show();
