// The user's own settings: which transcoding preset plays what the browser cannot decode, the
// app passwords their music apps log in with, and signing out on every device.

import { h, clear } from './dom.js';
import { currentSession, signOutEverywhere } from './api.js';
import { presets, preferredPreset, setPreferredPreset } from './media.js';
import { appPasswordsSection } from './appPasswords.js';

export async function settings(main) {
  const items = (await presets()).items || [];
  const probe = document.createElement('audio');
  const select = h('select', { id: 'preset-choice' },
    h('option', { value: '' }, 'Automatic (the smallest format this browser plays)'),
    items.map((p) => h('option', { value: p.name, disabled: !probe.canPlayType(p.contentType) },
      `${p.name} — ${p.format}${p.bitrate ? ` ${p.bitrate} kbit/s` : ''}${probe.canPlayType(p.contentType) ? '' : ' (not playable here)'}`)));
  select.value = preferredPreset();
  select.addEventListener('change', () => setPreferredPreset(select.value));
  const user = currentSession().user;
  const signOutMessage = h('p', { class: 'form-message error', role: 'alert' });
  clear(main, h('h1', {}, 'Settings'),
    h('p', {}, 'Logged in as ', h('strong', {}, user.name), user.admin ? ' (administrator)' : ''),
    h('label', {}, 'Transcoding preset for files this browser cannot play', select),
    h('h2', {}, 'App passwords'), appPasswordsSection('/api/users/me/app-passwords'),
    h('h2', {}, 'Sessions'),
    h('p', {}, 'Signing out everywhere ends your log-ins on every device (this one too), your streams and '
      + 'the stream links made for you. App passwords keep working.'),
    h('button', { id: 'sign-out-everywhere', class: 'danger', onclick: async () => {
      if (!confirm('Sign out on every device?')) return;
      await signOutEverywhere().catch((e) => { signOutMessage.textContent = e.message; });
    } }, 'Sign out everywhere'), signOutMessage);
}
