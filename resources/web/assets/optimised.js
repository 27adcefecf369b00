// Optimised versions (administrators only; the server refuses the API to others anyway): a
// video's encoded HLS variants made ahead of time in the background. The video page's
// "Optimise" control lives here; the Optimised tab of the administration (admin.js) shows the
// queue and uses the wording below.

import { h, clear } from './dom.js';
import { api, ApiError } from './api.js';
import { t, tParts, msg, formatBytes } from './i18n.js';

export const PENDING_STATES = ['queued', 'running', 'paused'];
export const isPending = (version) => PENDING_STATES.includes(version.state);

// A version's state, as a table cell shows it ("Queued") and inside a sentence ("360p: queued").
const STATE_TEXT = {
  queued: msg('Queued'),
  running: msg('Running'),
  paused: msg('Paused while someone watches'),
  done: msg('Done'),
  failed: msg('Failed'),
  outdated: msg('Outdated (the video changed)'),
};
const STATE_PHRASE = {
  queued: msg('queued'),
  running: msg('running'),
  paused: msg('paused while someone watches'),
  done: msg('done'),
  failed: msg('failed'),
  outdated: msg('outdated (the video changed)'),
};
export const stateText = (state) => (STATE_TEXT[state] ? t(STATE_TEXT[state]) : state || '');
const statePhrase = (state) => (STATE_PHRASE[state] ? t(STATE_PHRASE[state]) : state || '');

// 2040109465 → "1.9 GB" (i18n.js).
export { formatBytes };

export const storeText = (store) => t('{used} of {max} used', { used: formatBytes(store?.usedBytes), max: formatBytes(store?.maxBytes) });

// "360p (320×240)", from a version's variant.
export const variantText = (variant) => (variant
  ? `${variant.name || variant.key}${variant.width && variant.height ? ` (${variant.width}×${variant.height})` : ''}` : '');

// An error of the optimised API as a sentence; "allowed" (the video's variant keys) is named
// with the presets' names where they are known.
export function optimiseErrorText(e, presetNames = new Map()) {
  if (!(e instanceof ApiError)) return e.message || String(e);
  if (e.status === 405) return t('This server does not make optimised versions.');
  const allowed = e.body?.allowed ? [].concat(e.body.allowed) : [];
  const names = allowed.map((key) => presetNames.get(String(key)) || key);
  return names.length ? t('{error} (this video offers: {variants})', { error: e.message, variants: names.join(', ') }) : e.message;
}

// The video page's control: a select of the video presets ("Best for this video" = the server's
// choice, the top of the video's ladder) and a button that queues the version.
export function optimiseControl(videoId) {
  const variant = h('select', { id: 'optimise-variant', 'aria-label': t('Version to optimise') },
    h('option', { value: '' }, t('Best for this video')));
  const status = h('span', { id: 'optimise-status', class: 'form-message', role: 'status', 'aria-live': 'polite' });
  const presetNames = new Map();
  api('/api/presets').then((data) => {
    for (const p of data?.video || []) {
      presetNames.set(String(p.id), p.name);
      variant.append(h('option', { value: String(p.id) }, `${p.name}${p.width && p.height ? ` (${p.width}×${p.height})` : ''}`));
    }
  }).catch(() => { /* "Best for this video" still works */ });
  const button = h('button', { id: 'optimise-button', type: 'button', onclick: async () => {
    button.disabled = true;
    status.className = 'form-message';
    status.textContent = t('Asking…');
    try {
      const key = variant.value;
      const answer = await api(`/api/videos/${encodeURIComponent(videoId)}/optimised`,
        { method: 'POST', body: key ? { variants: [key] } : undefined });
      const versions = answer?.versions || [];
      const told = versions.map((v) => t('{variant}: {state}', { variant: variantText(v.variant), state: statePhrase(v.state) })).join('; ');
      clear(status, tParts('{result}. {link}.', { result: told || t('Nothing to do'),
        link: h('a', { href: '#/admin/optimised' }, t('See the optimised versions')) }));
      status.dataset.state = versions.map((v) => v.state).join(' ');
    } catch (e) {
      status.className = 'form-message error';
      status.textContent = optimiseErrorText(e, presetNames);
      delete status.dataset.state;
    } finally {
      button.disabled = false;
    }
  } }, t('Optimise'));
  return h('div', { id: 'optimise', class: 'video-bar optimise', role: 'group', 'aria-label': t('Optimised version') },
    h('label', {}, t('Optimise'), ' ', variant), button, status);
}
