// Server-Sent Events over fetch(): EventSource cannot send the Authorization header.
// Calls onEvent(name, data) per event; returns a function that stops listening.

import { authFetch } from './api.js';
import { t } from './i18n.js';

export function listen(path, onEvent, onError = () => {}) {
  const controller = new AbortController();
  (async () => {
    while (!controller.signal.aborted) {
      try {
        const res = await authFetch(path, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
        if (!res.ok) throw new Error(t('The server answered HTTP {status}.', { status: String(res.status) }));
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            dispatch(buffer.slice(0, end), onEvent);
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (e) {
        if (controller.signal.aborted) return;
        onError(e);
        if (e.status === 401 || e.status === 403) return;
      }
      await new Promise((r) => setTimeout(r, 3000));   // reconnect, as EventSource would
    }
  })();
  return () => controller.abort();
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length) onEvent(name, data.join('\n'));
}
