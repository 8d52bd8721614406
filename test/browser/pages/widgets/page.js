// Test page driver: the real prompt host (transpiled from src/ by the test server) mounting
// the built widgets chunk, with every callback and CSP violation recorded on window.
import { createPromptHost } from '/src-js/prompts/host.js';
import { widgetsLoader } from '/src-js/prompts/load-widgets.js';

const params = new URLSearchParams(location.search);
if (params.has('legacy-styles')) {
  // Engines without constructable stylesheets: the host must fall back to <style nonce>.
  CSSStyleSheet.prototype.replaceSync = undefined;
}

window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
window.log = [];
window.errors = [];
const host = createPromptHost({
  // The engine's loader: the shell, and a kind's own chunk beside it (survey).
  load: widgetsLoader('/dist/waymark-widgets.js'),
  ...(params.get('nonce') ? { nonce: params.get('nonce') } : {}),
  onError: (error) => window.errors.push(`${error.code}: ${error.message}`),
});
window.host = host;
window.showPrompt = (props) =>
  host.show({
    locale: 'en',
    defaultLocale: 'en',
    theme: {},
    vars: {},
    ...props,
    // A poll's results as a collector would serve them, when the test gives some.
    ...(props.pollVotes ? { pollResultsUrl: `data:application/json,${encodeURIComponent(JSON.stringify(props.pollVotes))}` } : {}),
    onAnswer: (answer, complete) => window.log.push(['answer', answer, complete]),
    onDismiss: (reason) => window.log.push(['dismiss', reason]),
    onRedeem: (offerId) => window.log.push(['redeem', offerId]),
  });
window.pageReady = true;
