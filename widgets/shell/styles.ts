/**
 * The whole widget stylesheet. It lives in the shadow root, so host CSS cannot reach it;
 * `all: initial` on the panel stops inherited host styles (huge fonts, letter-spacing…).
 * `--wm-line` derives from the theme's text and background; where color-mix is
 * unsupported the border falls back to the text colour.
 */
// Class names, custom properties and keyframes are written `wm-…` for readers; the build
// shortens each to a letter or two in dist/ (compactNames in rollup.config.mjs).
export const CSS = `
.wm-panel{all:initial;--wm-accent:#4f46e5;--wm-on-accent:#fff;--wm-background:#fff;--wm-text:#1f2937;--wm-radius:12px;--wm-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--wm-line:color-mix(in srgb,var(--wm-text) 55%,var(--wm-background));color-scheme:light;position:fixed;display:block;box-sizing:border-box;width:min(380px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;margin:0;padding:20px;background:var(--wm-background);color:var(--wm-text);font:15px/1.45 var(--wm-font);text-align:start;border:1px solid var(--wm-line);border-radius:var(--wm-radius);box-shadow:0 8px 32px #0004}
.wm-dark{--wm-accent:#a5b4fc;--wm-on-accent:#111827;--wm-background:#1f2937;--wm-text:#f9fafb;color-scheme:dark}
.bottom-right{inset:auto 16px 16px auto}.bottom-left{inset:auto auto 16px 16px}.top-right{inset:16px 16px auto auto}.top-left{inset:16px auto auto 16px}
.bottom-center{inset:auto 0 16px;margin:auto}.center{inset:0;margin:auto;height:fit-content}
.wm-panel.wm-inline{position:relative;inset:auto;margin:0}
.wm-panel::backdrop{background:#0008}
@media (max-width:480px){.wm-panel:not(.wm-inline){inset:auto 0 0;width:100%;max-height:85vh;margin:0;padding:16px;border-radius:var(--wm-radius) var(--wm-radius) 0 0}}
@media (prefers-reduced-motion:no-preference){.wm-panel{animation:wm-enter .2s ease-out}}
@keyframes wm-enter{from{opacity:0;transform:translateY(12px)}}
.wm-panel *{box-sizing:border-box;margin:0;font:inherit;color:inherit}
.wm-panel :focus-visible{outline:2px solid var(--wm-accent);outline-offset:2px}
.wm-heading{display:block;margin-block-end:14px;margin-inline-end:32px;font-size:17px;font-weight:600}
.wm-close{position:absolute;top:10px;inset-inline-end:10px;width:32px;height:32px;padding:0;border:0;border-radius:50%;background:none;font-size:22px;line-height:1;cursor:pointer}
.wm-close:hover{background:color-mix(in srgb,var(--wm-text) 12%,transparent)}
.wm-group{display:flex;flex-wrap:wrap;gap:6px}
.wm-nps-scale{display:grid;grid-template-columns:repeat(11,minmax(24px,1fr));gap:2px}
.wm-option{flex:1;min-width:32px;min-height:40px;display:flex;align-items:center;justify-content:center;gap:10px;padding:4px;border:1px solid var(--wm-line);border-radius:calc(var(--wm-radius)/2);background:var(--wm-background);cursor:pointer;user-select:none}
.wm-nps-scale .wm-option{min-width:24px;padding:0}
.wm-option:hover{border-color:var(--wm-accent)}
.wm-option[aria-checked=true]{background:var(--wm-accent);border-color:var(--wm-accent);color:var(--wm-on-accent)}
.wm-stars .wm-option,.wm-stars .wm-option[aria-checked=true]{flex:0 0 auto;min-width:36px;border:0;background:none;color:var(--wm-accent);font-size:28px;line-height:1}
.wm-emoji .wm-option{font-size:24px;font-family:"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji",sans-serif}
.wm-choices{flex-direction:column}
.wm-choices .wm-option{justify-content:flex-start;padding:8px 12px}
.wm-choices .wm-option:before{content:"";flex:none;width:16px;height:16px;border:2px solid currentColor;border-radius:50%}
.wm-choices [role=checkbox]:before{border-radius:4px}
.wm-choices [aria-checked=true]:before{background:currentColor;box-shadow:inset 0 0 0 3px var(--wm-accent)}
.wm-end-labels{display:flex;justify-content:space-between;gap:12px;margin-top:6px;font-size:13px}
.wm-follow-up-label{display:block;margin-top:16px;font-weight:600}
.wm-input{display:block;width:100%;margin-top:8px;padding:8px 10px;border:1px solid var(--wm-line);border-radius:calc(var(--wm-radius)/2);background:var(--wm-background)}
textarea.wm-input{min-height:72px;resize:vertical}
.wm-input::placeholder{color:inherit;opacity:.7}
.wm-button{display:block;min-height:40px;margin-top:14px;margin-inline-start:auto;padding:8px 18px;border:0;border-radius:calc(var(--wm-radius)/2);background:var(--wm-accent);color:var(--wm-on-accent);font-weight:600;cursor:pointer}
.wm-button:disabled{opacity:.55;cursor:default}
.wm-thanks{display:block;padding:12px 0;font-size:17px;font-weight:600;text-align:center;outline:0}
.wm-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.wm-progress{height:8px;margin-top:12px;border-radius:4px;background:color-mix(in srgb,var(--wm-text) 18%,var(--wm-background));overflow:hidden}
.wm-progress i{display:block;height:100%;background:var(--wm-accent)}
.wm-shares{margin:12px 0 0;padding:0;list-style:none}.wm-shares li{margin-top:8px}.wm-shares .wm-progress{margin-top:4px}
.wm-offer{margin-top:12px;padding:12px;border:1px dashed var(--wm-line);border-radius:calc(var(--wm-radius)/2)}
.wm-offer-label{font-weight:600}.wm-small{font-size:13px}
.wm-challenge-steps{margin:12px 0 0;padding:0;list-style:none}.wm-challenge-steps li{padding:2px 0}.wm-challenge-steps .wm-step-done{font-weight:600}
`;

let shared: CSSStyleSheet | undefined;

/**
 * Adopts one constructable stylesheet (CSP does not apply to it); where those are missing,
 * falls back to a `<style>` carrying the page's nonce. Returns the undo.
 */
export function adoptStyles(root: ShadowRoot, nonce: string | undefined): () => void {
  try {
    if (!shared) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shared = sheet;
    }
    const sheet = shared;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => void (root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet));
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = CSS;
    root.prepend(style);
    return () => style.remove();
  }
}
