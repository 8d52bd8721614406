/**
 * The whole widget stylesheet. It lives in the shadow root, so host CSS cannot reach it;
 * `all: initial` on the panel stops inherited host styles (huge fonts, letter-spacing…).
 * `--l` (lines) derives from the theme's text and background; where color-mix is
 * unsupported the border falls back to the text colour.
 */
export const CSS = `
.w{all:initial;--a:#4f46e5;--o:#fff;--b:#fff;--t:#1f2937;--r:12px;--f:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--l:color-mix(in srgb,var(--t) 55%,var(--b));color-scheme:light;position:fixed;display:block;box-sizing:border-box;width:min(380px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;margin:0;padding:20px;background:var(--b);color:var(--t);font:15px/1.45 var(--f);text-align:start;border:1px solid var(--l);border-radius:var(--r);box-shadow:0 8px 32px #0004}
.dk{--a:#a5b4fc;--o:#111827;--b:#1f2937;--t:#f9fafb;color-scheme:dark}
.bottom-right{inset:auto 16px 16px auto}.bottom-left{inset:auto auto 16px 16px}.top-right{inset:16px 16px auto auto}.top-left{inset:16px auto auto 16px}
.bottom-center{inset:auto 0 16px;margin:auto}.center{inset:0;margin:auto;height:fit-content}
.w.il{position:relative;inset:auto;margin:0}
.w::backdrop{background:#0008}
@media (max-width:480px){.w:not(.il){inset:auto 0 0;width:100%;max-height:85vh;margin:0;padding:16px;border-radius:var(--r) var(--r) 0 0}}
@media (prefers-reduced-motion:no-preference){.w{animation:wm-in .2s ease-out}}
@keyframes wm-in{from{opacity:0;transform:translateY(12px)}}
.w *{box-sizing:border-box;margin:0;font:inherit;color:inherit}
.w :focus-visible{outline:2px solid var(--a);outline-offset:2px}
.h{display:block;margin-block-end:14px;margin-inline-end:32px;font-size:17px;font-weight:600}
.x{position:absolute;top:10px;inset-inline-end:10px;width:32px;height:32px;padding:0;border:0;border-radius:50%;background:none;font-size:22px;line-height:1;cursor:pointer}
.x:hover{background:color-mix(in srgb,var(--t) 12%,transparent)}
.g{display:flex;flex-wrap:wrap;gap:6px}
.n{display:grid;grid-template-columns:repeat(11,minmax(24px,1fr));gap:2px}
.i{flex:1;min-width:32px;min-height:40px;display:flex;align-items:center;justify-content:center;gap:10px;padding:4px;border:1px solid var(--l);border-radius:calc(var(--r)/2);background:var(--b);cursor:pointer;user-select:none}
.n .i{min-width:24px;padding:0}
.i:hover{border-color:var(--a)}
.i[aria-checked=true]{background:var(--a);border-color:var(--a);color:var(--o)}
.st .i,.st .i[aria-checked=true]{flex:0 0 auto;min-width:36px;border:0;background:none;color:var(--a);font-size:28px;line-height:1}
.em .i{font-size:24px;font-family:"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji",sans-serif}
.ch{flex-direction:column}
.ch .i{justify-content:flex-start;padding:8px 12px}
.ch .i:before{content:"";flex:none;width:16px;height:16px;border:2px solid currentColor;border-radius:50%}
.ch [role=checkbox]:before{border-radius:4px}
.ch [aria-checked=true]:before{background:currentColor;box-shadow:inset 0 0 0 3px var(--a)}
.lh{display:flex;justify-content:space-between;gap:12px;margin-top:6px;font-size:13px}
.fl{display:block;margin-top:16px;font-weight:600}
.in{display:block;width:100%;margin-top:8px;padding:8px 10px;border:1px solid var(--l);border-radius:calc(var(--r)/2);background:var(--b)}
textarea.in{min-height:72px;resize:vertical}
.in::placeholder{color:inherit;opacity:.7}
.btn{display:block;min-height:40px;margin-top:14px;margin-inline-start:auto;padding:8px 18px;border:0;border-radius:calc(var(--r)/2);background:var(--a);color:var(--o);font-weight:600;cursor:pointer}
.btn:disabled{opacity:.55;cursor:default}
.ty{display:block;padding:12px 0;font-size:17px;font-weight:600;text-align:center;outline:0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.pb{height:8px;margin-top:12px;border-radius:4px;background:color-mix(in srgb,var(--t) 18%,var(--b));overflow:hidden}
.pb i{display:block;height:100%;background:var(--a)}
.of{margin-top:12px;padding:12px;border:1px dashed var(--l);border-radius:calc(var(--r)/2)}
.ol{font-weight:600}.sm{font-size:13px}
.cs{margin:12px 0 0;padding:0;list-style:none}.cs li{padding:2px 0}.cs .dn{font-weight:600}
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
