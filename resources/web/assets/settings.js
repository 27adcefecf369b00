// The user's own settings: the language of the app, which transcoding preset plays what the
// browser cannot decode, the app passwords their music apps log in with, and signing out on every
// device.

import { h, clear } from './dom.js';
import { currentSession, signOutEverywhere } from './api.js';
import { presets, preferredPreset, setPreferredPreset } from './media.js';
import { appPasswordsSection } from './appPasswords.js';
import { t, tParts, formatNumber, LANGUAGES, languageChoice, automaticLanguage, setLanguage } from './i18n.js';

// Automatic (the browser's languages) or one of the app's, each named in its own language. The
// app is drawn again in the chosen one at once (main.js), this page too.
function languagePicker() {
  const select = h('select', { id: 'language-choice' },
    h('option', { value: '' }, t('Automatic ({language})', { language: LANGUAGES[automaticLanguage()] })),
    Object.entries(LANGUAGES).map(([code, name]) => h('option', { value: code, lang: code }, name)));
  select.value = languageChoice();
  select.addEventListener('change', async () => {
    await setLanguage(select.value);
    // The page was drawn again: the keyboard stays on the (new) select.
    document.getElementById('language-choice')?.focus();
  });
  return h('label', {}, t('Language'), select);
}

export async function settings(main) {
  const items = (await presets()).items || [];
  const probe = document.createElement('audio');
  const select = h('select', { id: 'preset-choice' },
    h('option', { value: '' }, t('Automatic (the smallest format this browser plays)')),
    items.map((p) => {
      const playable = Boolean(probe.canPlayType(p.contentType));
      const what = p.bitrate ? t('{name} — {format} {bitrate} kbit/s', { name: p.name, format: p.format, bitrate: formatNumber(p.bitrate) })
        : t('{name} — {format}', { name: p.name, format: p.format });
      return h('option', { value: p.name, disabled: !playable }, playable ? what : t('{preset} (not playable here)', { preset: what }));
    }));
  select.value = preferredPreset();
  select.addEventListener('change', () => setPreferredPreset(select.value));
  const user = currentSession().user;
  const signOutMessage = h('p', { class: 'form-message error', role: 'alert' });
  clear(main, h('h1', {}, t('Settings')),
    h('p', {}, user.admin ? tParts('Logged in as {name} (administrator)', { name: h('strong', {}, user.name) })
      : tParts('Logged in as {name}', { name: h('strong', {}, user.name) })),
    languagePicker(),
    h('label', {}, t('Transcoding preset for files this browser cannot play'), select),
    h('h2', {}, t('App passwords')), appPasswordsSection('/api/users/me/app-passwords'),
    h('h2', {}, t('Sessions')),
    h('p', {}, t('Signing out everywhere ends your log-ins on every device (this one too), your streams and the stream links made for you. App passwords keep working.')),
    h('button', { id: 'sign-out-everywhere', class: 'danger', onclick: async () => {
      if (!confirm(t('Sign out on every device?'))) return;
      await signOutEverywhere().catch((e) => { signOutMessage.textContent = e.message; });
    } }, t('Sign out everywhere')), signOutMessage);
}
