// The log-in page: name, password, "remember me", and clear messages for a wrong password,
// a lock-out (429) or a session that ended.

import { h, clear } from './dom.js';
import { login, ApiError } from './api.js';
import { t } from './i18n.js';

export function renderLogin(container, message, onLoggedIn) {
  const name = h('input', { id: 'login-name', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const remember = h('input', { id: 'login-remember', type: 'checkbox' });
  const status = h('p', { id: 'login-message', class: message ? 'notice' : '', role: 'alert' }, message || '');
  const submit = h('button', { type: 'submit', class: 'primary' }, t('Log in'));
  const form = h('form', { class: 'login', onsubmit: async (e) => {
    e.preventDefault();
    submit.disabled = true;
    status.className = '';
    status.textContent = t('Logging in…');
    try {
      await login(name.value, password.value, remember.checked);
      onLoggedIn();
    } catch (err) {
      status.className = 'error';
      if (err instanceof ApiError && err.status === 401) status.textContent = t('Wrong name or password.');
      else if (err instanceof ApiError && err.status === 429)
        status.textContent = err.retryAfter ? t('Too many failed attempts. Try again in {count} seconds.', { count: err.retryAfter })
          : t('Too many failed attempts. Try again in a few seconds.');
      else status.textContent = t('Could not log in: {error}', { error: err.message });
      submit.disabled = false;
      password.select();
    }
  } },
  h('h1', {}, 'Cairn'),
  h('label', {}, t('Name'), name),
  h('label', {}, t('Password'), password),
  h('label', { class: 'inline' }, remember, ' ', t('Remember me on this device')),
  submit, status);
  clear(container, h('div', { class: 'login-page' }, form));
  name.focus();
}
