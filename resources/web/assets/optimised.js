// Optimised versions (administrators only; the server refuses the API to others anyway): a
// video's encoded HLS variants made ahead of time in the background. The video page's
// "Optimise" control lives here; the Optimised tab of the administration (admin.js) shows the
// queue and uses the wording below.

import { h, clear } from './dom.js';
import { api, ApiError } from './api.js';

export const PENDING_STATES = ['queued', 'running', 'paused'];
export const isPending = (version) => PENDING_STATES.includes(version.state);

export const STATE_TEXT = {
  queued: 'Queued',
  running: 'Running',
  paused: 'Paused while someone watches',
  done: 'Done',
  failed: 'Failed',
  outdated: 'Outdated (the video changed)',
};
export const stateText = (state) => STATE_TEXT[state] || state || '';

// 2040109465 → "1.9 GB"; the store's bound is set in MiB, so a "GB" is 1024³ bytes here.
export function formatBytes(bytes) {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, Number(bytes) || 0);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  if (unit === 0) return `${value} ${value === 1 ? 'byte' : 'bytes'}`;
  const shown = value < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}

export const storeText = (store) => `${formatBytes(store?.usedBytes)} of ${formatBytes(store?.maxBytes)} used`;

// "360p (320×240)", from a version's variant.
export const variantText = (variant) => (variant
  ? `${variant.name || variant.key}${variant.width && variant.height ? ` (${variant.width}×${variant.height})` : ''}` : '');

// An error of the optimised API as a sentence; "allowed" (the video's variant keys) is named
// with the presets' names where they are known.
export function optimiseErrorText(e, presetNames = new Map()) {
  if (!(e instanceof ApiError)) return e.message || String(e);
  if (e.status === 405) return 'This server does not make optimised versions.';
  const allowed = e.body?.allowed ? [].concat(e.body.allowed) : [];
  const names = allowed.map((key) => presetNames.get(String(key)) || key);
  return names.length ? `${e.message} (this video offers: ${names.join(', ')})` : e.message;
}

// The video page's control: a select of the video presets ("Best for this video" = the server's
// choice, the top of the video's ladder) and a button that queues the version.
export function optimiseControl(videoId) {
  const variant = h('select', { id: 'optimise-variant', 'aria-label': 'Version to optimise' },
    h('option', { value: '' }, 'Best for this video'));
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
    status.textContent = 'Asking…';
    try {
      const key = variant.value;
      const answer = await api(`/api/videos/${encodeURIComponent(videoId)}/optimised`,
        { method: 'POST', body: key ? { variants: [key] } : undefined });
      const versions = answer?.versions || [];
      clear(status, versions.map((v) => `${variantText(v.variant)}: ${stateText(v.state).toLowerCase()}`).join('; ') || 'Nothing to do',
        '. ', h('a', { href: '#/admin/optimised' }, 'See the optimised versions'), '.');
      status.dataset.state = versions.map((v) => v.state).join(' ');
    } catch (e) {
      status.className = 'form-message error';
      status.textContent = optimiseErrorText(e, presetNames);
      delete status.dataset.state;
    } finally {
      button.disabled = false;
    }
  } }, 'Optimise');
  return h('div', { id: 'optimise', class: 'video-bar optimise', role: 'group', 'aria-label': 'Optimised version' },
    h('label', {}, 'Optimise ', variant), button, status);
}
