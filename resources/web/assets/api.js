// The JSON API seen from the browser: the bearer token (sessionStorage, or localStorage with
// "remember me"), JSON requests, and the return to the log-in page when a token stops working.

import { t } from './i18n.js';

const KEY = 'cairn.session';
let session = null;
let onSessionEnded = () => {};
let sessionExpired = false;   // a kept token was found expired at start-up

export class ApiError extends Error {
  constructor(status, message, body, retryAfter) {
    super(message);
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

export function loadSession() {
  const raw = sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
  try { session = raw ? JSON.parse(raw) : null; } catch { session = null; }
  if (session && session.expiresAt && Date.parse(session.expiresAt) < Date.now()) {
    forgetSession();
    sessionExpired = true;
    return null;
  }
  return session;
}

export function currentSession() { return session; }
export function keptSessionExpired() { return sessionExpired; }
export function setSessionEndedHandler(fn) { onSessionEnded = fn; }

export function forgetSession() {
  session = null;
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

export async function login(name, password, remember) {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.error || res.statusText, body, Number(res.headers.get('Retry-After')) || 0);
  session = { token: body.token, expiresAt: body.expiresAt, user: body.user };
  (remember ? localStorage : sessionStorage).setItem(KEY, JSON.stringify(session));
  return session;
}

export async function logout() {
  const token = session?.token;
  forgetSession();
  if (token) await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => {});
}

// Ends every session of the user (this one too), their streams and signed links; app passwords stay.
export async function signOutEverywhere() {
  await api('/api/users/me/sign-out-everywhere', { method: 'POST' });
  forgetSession();
  onSessionEnded(t('You are signed out on every device.'));
}

// fetch() with the token; a 401 means the token expired or was ended: back to log-in.
export async function authFetch(path, options = {}) {
  const headers = new Headers(options.headers || {});
  if (session?.token) headers.set('Authorization', `Bearer ${session.token}`);
  const res = await fetch(path, { ...options, headers });
  if (res.status === 401 && session) {
    forgetSession();
    onSessionEnded(t('Your session has ended. Please log in again.'));
  }
  return res;
}

export async function api(path, { method = 'GET', body, signal } = {}) {
  const options = { method, signal, headers: {} };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const res = await authFetch(path, options);
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error || res.statusText, data);
  return data;
}

// For browse endpoints that may not exist on this server yet: null instead of an error on 404/405.
export async function apiOptional(path, options) {
  try {
    return await api(path, options);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
}
