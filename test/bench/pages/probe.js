// Bench probes, loaded before the SDK as a plain script: long tasks observed from page start,
// and the moment a widget's content is painted.
(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the bench reports the row as n/a.
  }

  /** The first rendered element inside a widget host's shadow root, or null. */
  const widgetContent = () => {
    for (const host of document.body.children) {
      for (const element of host.shadowRoot?.querySelectorAll('*') ?? []) {
        if (element.localName !== 'style' && element.localName !== 'link' && element.getClientRects().length > 0) return element;
      }
    }
    return null;
  };

  /** Polls once per frame; resolves with performance.now() or null after `timeoutMs`. */
  const eachFrame = (check, timeoutMs) =>
    new Promise((resolve) => {
      const deadline = performance.now() + timeoutMs;
      const frame = () => {
        if (check()) return resolve(performance.now());
        if (performance.now() > deadline) return resolve(null);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });

  /**
   * Time just after the first frame that paints widget content. rAF callbacks run before
   * the frame's style, layout and paint; a message posted from one runs once they are done.
   */
  const painted = async (timeoutMs) => {
    if ((await eachFrame(() => widgetContent() !== null, timeoutMs)) === null) return null;
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  };

  const gone = async (timeoutMs) => (await eachFrame(() => widgetContent() === null, timeoutMs)) !== null;

  window.__bench = { longTasks, widgetContent, painted, gone };
})();
