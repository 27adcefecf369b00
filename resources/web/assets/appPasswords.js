// App passwords: what music apps (Subsonic clients) log in with instead of the account password.
// Listed without their secret; a new one's secret is shown once, with Copy. Used by Settings
// (the logged-in user's own, `base` = /api/users/me/app-passwords) and by the administration's
// Users page (anyone's).

import { h, clear, emptyState } from './dom.js';
import { api, ApiError } from './api.js';
import { t, formatDateTime } from './i18n.js';

const when = (iso) => (iso ? formatDateTime(iso) : t('never'));

function errorText(e) {
  if (e instanceof ApiError && e.status === 404) return t('This server does not offer app passwords.');
  return e.message || String(e);
}

// A text field's value on the clipboard: the Clipboard API where the page is a secure context
// (HTTPS, localhost), else the selection and execCommand (plain HTTP on the LAN).
async function copyText(input) {
  input.focus();
  input.select();
  if (navigator.clipboard?.writeText) {
    try { await navigator.clipboard.writeText(input.value); return true; } catch { /* fall back */ }
  }
  return document.execCommand('copy');
}

// The section; it loads itself. `idPrefix` keeps ids unique when several are on one page.
export function appPasswordsSection(base, { idPrefix = 'app-password' } = {}) {
  const tbody = h('tbody');
  const table = h('table', { class: 'data', id: `${idPrefix}-list` },
    h('thead', {}, h('tr', {}, [t('Name'), t('Created'), t('Last used'), ''].map((label) => h('th', {}, label)))), tbody);
  const empty = emptyState(t('No app passwords yet.'));
  const msg = h('p', { class: 'form-message', role: 'alert' });
  const secret = h('input', { id: `${idPrefix}-secret`, class: 'secret', readOnly: true, 'aria-label': t('The new app password'), size: 28 });
  const copied = h('span', { class: 'muted', 'aria-live': 'polite' });
  const shown = h('div', { class: 'secret-box', id: `${idPrefix}-shown`, hidden: true },
    h('p', {}, h('strong', {}, t('Enter this in the app now: it will not be shown again.'))),
    h('div', { class: 'inline-form' }, secret,
      h('button', { type: 'button', onclick: async () => { copied.textContent = (await copyText(secret)) ? t('Copied.') : t('Select it and copy it yourself.'); } }, t('Copy')),
      copied));
  const hideSecret = () => { secret.value = ''; copied.textContent = ''; shown.hidden = true; };
  const fail = (e) => { msg.className = 'form-message error'; msg.textContent = errorText(e); };
  const clearMessage = () => { msg.className = 'form-message'; msg.textContent = ''; };

  const refresh = async () => {
    const items = await api(base);
    clear(tbody, items.map((p) => h('tr', {},
      h('td', {}, p.name), h('td', { class: 'muted' }, when(p.createdAt)), h('td', { class: 'muted' }, when(p.lastUsedAt)),
      h('td', {}, h('button', { class: 'danger', onclick: async () => {
        if (!confirm(t('Revoke the app password "{name}"? Apps using it are refused at once.', { name: p.name }))) return;
        hideSecret();
        try { await api(`${base}/${p.id}`, { method: 'DELETE' }); clearMessage(); } catch (e) { fail(e); }
        await refresh().catch(fail);
      } }, t('Revoke'))))));
    table.hidden = items.length === 0;
    empty.hidden = items.length > 0;
  };

  const name = h('input', { id: `${idPrefix}-name`, placeholder: t('Symfonium on my phone'), maxLength: 100, 'aria-label': t('Name of the new app password') });
  const form = h('form', { class: 'inline-form', id: `${idPrefix}-form`, onsubmit: async (e) => {
    e.preventDefault();
    hideSecret();
    try {
      const made = await api(base, { method: 'POST', body: { name: name.value } });
      clearMessage();
      name.value = '';
      secret.value = made.secret;
      shown.hidden = false;
      secret.select();
    } catch (err) { fail(err); }
    await refresh().catch(fail);
  } }, name, h('button', { type: 'submit', class: 'primary' }, t('Create')));

  refresh().catch(fail);
  return h('section', { class: 'app-passwords', id: idPrefix + 's' },
    h('p', { class: 'muted' }, t('Music apps (Subsonic clients such as Symfonium or DSub) log in with an app password instead of your account password. Give each app its own, so you can revoke it alone.')),
    table, empty, form, shown, msg);
}
