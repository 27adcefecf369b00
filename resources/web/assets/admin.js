// Administration (administrators only; the server refuses the API to others anyway): library
// folders, scans and the files they could not read, users, transcoding and video presets, live
// activity with charts of the last hour and the stream limits, the DLNA server for TVs on the LAN, and the optimised versions
// of videos made in the background.

import { h, clear, emptyState, formatDuration } from './dom.js';
import { api, ApiError } from './api.js';
import { listen } from './sse.js';
import { appPasswordsSection } from './appPasswords.js';
import { activityCharts } from './activityChart.js';
import { formatBytes, isPending, optimiseErrorText, stateText, storeText, variantText } from './optimised.js';
import { t, msg, formatNumber, formatDateTime, formatTime, formatKB, formatMB } from './i18n.js';

let stopPage = () => {};

function errorText(e) {
  if (e instanceof ApiError) {
    if (e.status === 404 || e.status === 405) return t('This server does not offer that yet.');
    return e.body?.allowed ? t('{error} (allowed: {values})', { error: e.message, values: [].concat(e.body.allowed).join(', ') }) : e.message;
  }
  return e.message || String(e);
}

function messageLine() { return h('p', { class: 'form-message', role: 'alert' }); }

async function attempt(line, fn) {
  line.className = 'form-message';
  line.textContent = '';
  try { await fn(); return true; } catch (e) { line.className = 'form-message error'; line.textContent = errorText(e); return false; }
}

export async function admin(main, tab) {
  stopPage();
  stopPage = () => {};
  const pages = { folders, users, presets, activity, dlna, optimised };
  const page = pages[tab] || folders;
  const body = h('div', { id: `admin-${tab}` });
  const names = { folders: t('Library'), users: t('Users'), presets: t('Presets'), activity: t('Activity'), dlna: 'DLNA', optimised: t('Optimised') };
  clear(main, h('h1', {}, t('Administration')),
    h('div', { class: 'tabs' }, Object.keys(pages).map((k) => h('a', { href: `#/admin/${k}`, class: k === tab ? 'active' : '' }, names[k]))),
    body);
  window.addEventListener('hashchange', () => { stopPage(); stopPage = () => {}; }, { once: true });
  await page(body);
}

// --- library folders and scans ---
async function folders(body) {
  const list = h('ul', { class: 'list', id: 'folder-list' });
  const path = h('input', { id: 'folder-path', placeholder: '/srv/music', 'aria-label': t('Folder path on the server') });
  const msg = messageLine();
  const scan = h('p', { id: 'scan-status', class: 'muted' });
  const refresh = async () => {
    const data = await api('/api/folders');
    clear(list, data.items.length ? data.items.map((f) => h('li', { dataset: { folderId: String(f.id) } },
      h('span', { class: 'path' }, f.path),
      optimiseFolderButton(f),
      h('button', { class: 'danger', onclick: async () => {
        if (!confirm(t('Remove {path} from the library?', { path: f.path }))) return;
        if (await attempt(msg, () => api(`/api/folders/${f.id}`, { method: 'DELETE' }))) refresh();
      } }, t('Remove')))) : emptyState(t('No library folders.')));
  };
  const errors = h('ul', { class: 'list', id: 'scan-errors' });
  let polling = 0;
  const pollScan = async () => {
    clearTimeout(polling);
    try {
      const s = await api('/api/scan');
      scan.textContent = s.scanning ? t('Scanning… {count} tracks so far.', { count: s.tracks })
        : t('Idle. {count} tracks in the library.', { count: s.tracks });
      scan.dataset.scanning = String(s.scanning);
      if (s.scanning) polling = setTimeout(pollScan, 1000);
      else await scanErrors(errors);   // a finished scan may have found (or fixed) broken files
    } catch (e) { scan.textContent = errorText(e); }
  };
  stopPage = () => clearTimeout(polling);
  const form = h('form', { class: 'inline-form', onsubmit: async (e) => {
    e.preventDefault();
    if (await attempt(msg, () => api('/api/folders', { method: 'POST', body: { path: path.value.trim() } }))) {
      path.value = '';
      await refresh();
      pollScan();
    }
  } }, path, h('button', { type: 'submit', class: 'primary' }, t('Add folder')));
  clear(body, h('h2', {}, t('Library folders')), list, form, msg,
    h('h2', {}, t('Scan')), scan,
    h('button', { id: 'rescan', onclick: async () => { await attempt(msg, () => api('/api/scan', { method: 'POST' })); pollScan(); } }, t('Rescan now')),
    h('h2', {}, t('Files the scan could not read')), errors);
  await refresh();
  await pollScan();
}

// Queues the optimised version (the top of each video's ladder) of every video in the folder; the
// answer is told beside the button.
function optimiseFolderButton(folder) {
  const result = h('span', { id: `folder-${folder.id}-optimised`, class: 'form-message', role: 'status' });
  const button = h('button', { class: 'optimise-folder', 'aria-label': t('Optimise the videos of {path}', { path: folder.path }), onclick: async () => {
    button.disabled = true;
    result.className = 'form-message';
    result.textContent = t('Queueing…');
    try {
      const answer = await api(`/api/folders/${folder.id}/optimised`, { method: 'POST' });
      result.textContent = optimiseFolderText(answer);
    } catch (e) {
      result.className = 'form-message error';
      result.textContent = optimiseErrorText(e);
    } finally {
      button.disabled = false;
    }
  } }, t('Optimise videos'));
  return [button, result];
}

// "2 versions queued, 1 already done; 1 video skipped: the video's duration is unknown…"
function optimiseFolderText(answer) {
  const versions = answer?.versions || [];
  const skipped = answer?.skipped || [];
  const done = versions.filter((v) => v.state === 'done').length;
  const parts = [t('{count} versions queued', { count: versions.length - done })];
  if (done) parts.push(t('{count} already done', { count: done }));
  if (skipped.length) {
    const reasons = [...new Set(skipped.map((s) => s.reason).filter(Boolean))];
    const videos = t('{count} videos skipped', { count: skipped.length });
    parts.push(reasons.length ? t('{skipped}: {reasons}', { skipped: videos, reasons: reasons.slice(0, 3).join('; ') }) : videos);
  }
  return t('{summary}.', { summary: parts.join(', ') });
}

// The scanner's unreadable files with its reasons (paths in full: administrators chose the folders).
async function scanErrors(list) {
  try {
    const data = await api('/api/scan/errors?limit=200');
    const more = data.total > data.items.length ? h('li', { class: 'muted' }, t('… and {count} more.', { count: data.total - data.items.length })) : null;
    clear(list, data.items.length ? [data.items.map((e) => h('li', {},
      h('span', { class: 'path' }, e.path), ' ', h('span', { class: 'reason' }, e.reason), ' ',
      h('span', { class: 'muted' }, e.at ? formatDateTime(e.at) : ''))), more] : emptyState(t('Every file could be read.')));
  } catch (e) { clear(list, h('li', { class: 'form-message error' }, errorText(e))); }
}

// --- users ---
async function users(body) {
  const [list, folderList] = await Promise.all([api('/api/users'), api('/api/folders')]);
  const msg = messageLine();
  const table = h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, [t('Name'), t('Admin'), t('Enabled'), t('Upload'), t('Max kbit/s'), t('Folders'), t('Last seen'), ''].map((label) => h('th', {}, label)))),
    h('tbody', {}, list.items.map((u) => userRow(u, folderList.items, msg, () => users(body)))));
  clear(body, h('h2', {}, t('Users')), table, msg, h('h2', {}, t('New user')), userForm(null, folderList.items, () => users(body)));
}

function userRow(u, allFolders, msg, reload) {
  const save = (changes) => attempt(msg, () => api(`/api/users/${u.id}`, { method: 'PUT', body: changes })).then((ok) => ok && reload());
  const names = allFolders.filter((f) => (u.folders || []).includes(f.id)).map((f) => f.path);
  return h('tr', {},
    h('td', {}, u.name),
    h('td', {}, h('input', { type: 'checkbox', checked: u.admin, 'aria-label': t('Administrator'), onchange: (e) => save({ admin: e.target.checked }) })),
    h('td', {}, h('input', { type: 'checkbox', checked: u.enabled, 'aria-label': t('Enabled'), onchange: (e) => save({ enabled: e.target.checked }) })),
    h('td', {}, h('input', { type: 'checkbox', checked: u.admin || u.upload, disabled: u.admin, 'aria-label': t('May upload'), onchange: (e) => save({ upload: e.target.checked }) })),
    h('td', {}, u.maxBitrate ? formatNumber(u.maxBitrate) : t('unlimited')),
    h('td', {}, u.admin ? t('all') : (names.join(', ') || t('none'))),
    h('td', { class: 'muted' }, u.lastSeenAt ? formatDateTime(u.lastSeenAt) : t('never')),
    h('td', {},
      h('button', { onclick: (e) => {
        const row = e.target.closest('tr');
        const editor = h('tr', {}, h('td', { colSpan: 8 }, userForm(u, allFolders, reload)));
        row.after(editor);
        e.target.disabled = true;
      } }, t('Edit')),
      h('button', { class: 'app-passwords-button', onclick: (e) => {
        const row = e.target.closest('tr');
        row.after(h('tr', {}, h('td', { colSpan: 8 }, h('h3', {}, t('App passwords of {name}', { name: u.name })),
          appPasswordsSection(`/api/users/${u.id}/app-passwords`, { idPrefix: `user-${u.id}-app-password` }))));
        e.target.disabled = true;
      } }, t('App passwords')),
      h('button', { class: 'sign-out-button', onclick: async () => {
        if (!confirm(t('Sign {name} out on every device? Their log-ins, streams and stream links end at once.', { name: u.name }))) return;
        if (await attempt(msg, () => api(`/api/users/${u.id}/sign-out-everywhere`, { method: 'POST' }))) {
          msg.textContent = t('{name} is signed out everywhere.', { name: u.name });
        }
      } }, t('Sign out everywhere')),
      h('button', { class: 'danger', onclick: async () => {
        if (!confirm(t('Delete the user {name}?', { name: u.name }))) return;
        if (await attempt(msg, () => api(`/api/users/${u.id}`, { method: 'DELETE' }))) reload();
      } }, t('Delete'))));
}

function userForm(user, allFolders, reload) {
  const name = h('input', { value: user?.name || '', required: true, 'aria-label': t('Name') });
  const password = h('input', { type: 'password', autocomplete: 'new-password', 'aria-label': t('Password'),
    placeholder: user ? t('unchanged') : t('at least {count} characters', { count: 8 }) });
  const isAdmin = h('input', { type: 'checkbox', checked: !!user?.admin });
  const mayUpload = h('input', { type: 'checkbox', checked: !!user?.upload });
  const maxBitrate = h('input', { type: 'number', min: '0', value: String(user?.maxBitrate || 0), 'aria-label': t('Max bitrate') });
  const boxes = allFolders.map((f) => h('label', { class: 'inline' },
    h('input', { type: 'checkbox', value: String(f.id), checked: (user?.folders || []).includes(f.id) }), ` ${f.path}`));
  const msg = messageLine();
  return h('form', { class: 'stack', onsubmit: async (e) => {
    e.preventDefault();
    const body = { name: name.value.trim(), admin: isAdmin.checked, upload: mayUpload.checked, maxBitrate: Number(maxBitrate.value) || 0,
      folders: boxes.map((b) => b.querySelector('input')).filter((c) => c.checked).map((c) => Number(c.value)) };
    if (password.value) body.password = password.value;
    const ok = await attempt(msg, () => (user ? api(`/api/users/${user.id}`, { method: 'PUT', body })
      : api('/api/users', { method: 'POST', body: { ...body, enabled: true } })));
    if (ok) reload();
  } },
  h('label', {}, t('Name'), name), h('label', {}, t('Password'), password),
  h('label', { class: 'inline' }, isAdmin, ' ', t('Administrator')),
  h('label', { class: 'inline' }, mayUpload, ' ', t('May upload media files (administrators always may)')),
  h('label', {}, t('Max bitrate (kbit/s, 0 = unlimited)'), maxBitrate),
  h('fieldset', {}, h('legend', {}, t('Folders (administrators see all)')), boxes),
  h('button', { type: 'submit', class: 'primary' }, user ? t('Save') : t('Create user')), msg);
}

// --- presets ---
// [key, input type, label]
const AUDIO_FIELDS = [['name', 'text', msg('Name')], ['format', 'text', msg('Format')], ['bitrate', 'number', msg('Bitrate (kbit/s)')],
  ['sampleRate', 'number', msg('Sample rate (Hz)')], ['channels', 'number', msg('Channels')]];
const VIDEO_FIELDS = [['name', 'text', msg('Name')], ['width', 'number', msg('Width')], ['height', 'number', msg('Height')],
  ['videoBitrate', 'number', msg('Video bitrate (kbit/s)')], ['audioBitrate', 'number', msg('Audio bitrate (kbit/s)')]];

async function presets(body) {
  const data = await api('/api/presets');
  const reload = () => presets(body);
  clear(body,
    h('h2', {}, t('Transcoding presets')), presetTable(data.items || [], AUDIO_FIELDS, '/api/presets', reload),
    h('h2', {}, t('Video (HLS) presets')), presetTable(data.video || [], VIDEO_FIELDS, '/api/video-presets', reload));
}

function presetTable(items, fields, base, reload) {
  const msg = messageLine();
  const row = (p) => {
    const inputs = fields.map(([key, type, label]) => h('input', { type, value: p ? String(p[key] ?? '') : '', 'aria-label': t(label), size: type === 'number' ? 6 : 12 }));
    const collect = () => Object.fromEntries(fields.map(([key, type], i) => [key, type === 'number' ? Number(inputs[i].value) || 0 : inputs[i].value.trim()]));
    return h('tr', {}, inputs.map((i) => h('td', {}, i)),
      h('td', {}, p
        ? [h('button', { onclick: async () => { if (await attempt(msg, () => api(`${base}/${p.id}`, { method: 'PUT', body: { ...p, ...collect() } }))) reload(); } }, t('Save')),
          h('button', { class: 'danger', onclick: async () => {
            if (!confirm(t('Delete the preset {name}?', { name: p.name }))) return;
            if (await attempt(msg, () => api(`${base}/${p.id}`, { method: 'DELETE' }))) reload();
          } }, t('Delete'))]
        : h('button', { class: 'primary', onclick: async () => { if (await attempt(msg, () => api(base, { method: 'POST', body: collect() }))) reload(); } }, t('Add'))));
  };
  return [h('table', { class: 'data' }, h('thead', {}, h('tr', {}, fields.map(([, , label]) => h('th', {}, t(label))), h('th'))),
    h('tbody', {}, items.map(row), row(null))), msg];
}

// --- activity ---
async function activity(body) {
  const summary = h('p', { id: 'activity-summary', class: 'muted' }, t('Connecting…'));
  const tbody = h('tbody');
  const msg = messageLine();
  const history = h('div');
  const charts = activityCharts();
  stopPage = charts.stop;
  clear(body, h('h2', {}, t('Streams now')), summary,
    h('table', { class: 'data' }, h('thead', {}, h('tr', {},
      [t('User'), t('Client'), t('Track'), t('Kind'), t('Preset'), t('Started'), t('Sent'), t('Rate'), t('Position'), ''].map((label) => h('th', {}, label)))), tbody),
    msg, h('h2', {}, t('The last hour')), charts.element,
    h('h2', {}, t('Limits')), await limitsForm(), h('h2', {}, t('Recently finished')), history);
  const render = (data) => {
    summary.textContent = [t('{count} active streams', { count: data.active ?? data.items.length }),
      t('{count} transcodes', { count: data.transcodes ?? 0 }), perSecond(formatKB(data.bytesPerSecond))].join(', ');
    clear(tbody, data.items.length ? data.items.map((s) => h('tr', {},
      h('td', {}, s.user || ''), h('td', { title: s.userAgent || '' }, s.player ? `${s.player} (${s.client})` : (s.client || '')), h('td', {}, s.title || ''),
      h('td', {}, kindText(s.kind)), h('td', {}, s.preset || ''),
      h('td', {}, s.startedAt ? formatTime(s.startedAt) : ''),
      h('td', {}, formatMB(s.bytesSent)), h('td', {}, s.capBytesPerSecond
        ? t('{rate} (cap {cap})', { rate: perSecond(formatKB(s.bytesPerSecond)), cap: perSecond(formatKB(s.capBytesPerSecond)) })
        : perSecond(formatKB(s.bytesPerSecond))),
      h('td', {}, formatDuration((s.seekPositionMs || 0) / 1000)),
      h('td', {},
        h('button', { class: 'danger', onclick: () => attempt(msg, () => api(`/api/activity/${s.id}/end`, { method: 'POST' })) }, t('End')),
        h('button', { onclick: () => {
          const value = prompt(t('Cap this stream at how many kB/s? (0 = no cap)'), String(Math.round((s.capBytesPerSecond || 0) / 1000)));
          if (value !== null) attempt(msg, () => api(`/api/activity/${s.id}/throttle`, { method: 'POST', body: { kBps: Number(value) || 0 } }));
        } }, t('Throttle'))))) : h('tr', {}, h('td', { colSpan: 10, class: 'muted' }, t('Nothing is streaming.'))));
  };
  render(await api('/api/activity'));
  const stopEvents = listen('/api/activity/events', (name, data) => {
    if (name === 'activity') { try { render(JSON.parse(data)); } catch { /* partial data */ } }
  }, (e) => { summary.textContent = t('Live updates interrupted: {error}', { error: errorText(e) }); });
  stopPage = () => { stopEvents(); charts.stop(); };
  const past = await api('/api/activity/history?limit=50');
  clear(history, past.items.length ? h('table', { class: 'data' }, h('tbody', {}, past.items.map((s) => h('tr', {},
    h('td', {}, s.user || ''), h('td', {}, s.title || ''), h('td', {}, kindText(s.kind)), h('td', {}, endingText(s.ending)),
    h('td', {}, formatMB(s.bytesSent)))))) : emptyState(t('No finished streams yet.')),
  past.mostPlayed?.length ? [h('h2', {}, t('Most played')), h('ol', {}, past.mostPlayed.map((m) => h('li', {}, `${m.title} (${m.plays})`)))] : null);
}

// The operator's stream limits (0 = unlimited), as the desktop's Limits box edits them. Values are
// sent as typed: the server checks them and its error is shown.
const LIMIT_FIELDS = [['maxStreams', msg('Streams at once, all users')], ['maxStreamsPerUser', msg('Streams at once, per user')],
  ['maxHlsSessionsPerUser', msg('Videos at once, per user')],
  ['totalKBps', msg('Total bandwidth (kB/s)')], ['streamKBps', msg('Bandwidth per stream (kB/s)')],
  ['retryAfterSeconds', msg('Refused clients retry after (s)')],
  ['requestsPerSecond', msg('API requests per second, per address')], ['requestBurst', msg('API requests at once, per address')]];

async function limitsForm() {
  const msg = messageLine();
  const inputs = Object.fromEntries(LIMIT_FIELDS.map(([key, label]) => [key,
    h('input', { type: 'number', id: `limit-${key}`, step: '1', 'aria-label': t(label), size: 8 })]));
  const show = (limits) => { for (const [key] of LIMIT_FIELDS) inputs[key].value = String(limits[key] ?? ''); };
  const form = h('form', { class: 'stack', id: 'limits-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const body = Object.fromEntries(LIMIT_FIELDS.filter(([key]) => inputs[key].value.trim() !== '')
      .map(([key]) => [key, Number(inputs[key].value)]));
    if (await attempt(msg, async () => show(await api('/api/activity/limits', { method: 'PUT', body })))) msg.textContent = t('Saved.');
  } },
  LIMIT_FIELDS.map(([key, label]) => h('label', {}, t('{limit}, 0 = unlimited', { limit: t(label) }), inputs[key])),
  h('button', { type: 'submit', class: 'primary' }, t('Save limits')), msg);
  try { show(await api('/api/activity/limits')); } catch (e) { msg.className = 'form-message error'; msg.textContent = errorText(e); }
  return form;
}

// --- DLNA: TVs, consoles and players on the LAN browse what one account may see, without a log-in ---
async function dlna(body) {
  const [state, userList] = await Promise.all([api('/api/dlna'), api('/api/users')]);
  const msg = messageLine();
  const status = h('p', { id: 'dlna-status', class: 'muted' });
  const enabled = h('input', { type: 'checkbox', id: 'dlna-enabled' });
  const friendlyName = h('input', { id: 'dlna-name', maxlength: '64', placeholder: t('Cairn on this computer'), 'aria-label': t('Name on the network') });
  const accountName = (u) => {
    const name = u.admin ? t('{name} (administrator: sees everything)', { name: u.name }) : u.name;
    return u.enabled ? name : t('{name} (disabled)', { name });
  };
  const account = h('select', { id: 'dlna-user', 'aria-label': t('Account') },
    h('option', { value: '' }, t('(choose an account)')),
    userList.items.map((u) => h('option', { value: u.name }, accountName(u))));
  const interfaces = h('input', { id: 'dlna-interfaces', placeholder: t('all interfaces'), 'aria-label': t('Network interfaces') });
  const show = (s) => {
    enabled.checked = !!s.enabled;
    friendlyName.value = s.friendlyName || '';
    account.value = s.user || '';
    interfaces.value = (s.interfaces || []).join(', ');
    const networks = (s.networks || []).join(', ');
    const available = (s.availableInterfaces || []).map((i) => `${i.name} (${i.address})`).join(', ');
    if (s.running) status.textContent = networks ? t('Running on {networks}.', { networks }) : t('Running, but no network interface matches yet.');
    else if (s.enabled) status.textContent = t('Not running: {problem}', { problem: s.problem || t('starting…') });
    else status.textContent = available ? t('Off. Interfaces here: {interfaces}.', { interfaces: available }) : t('Off. No network interface here.');
    status.dataset.running = String(!!s.running);
  };
  const form = h('form', { class: 'stack', id: 'dlna-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const body = { enabled: enabled.checked, friendlyName: friendlyName.value.trim(), user: account.value,
      interfaces: interfaces.value.split(',').map((x) => x.trim()).filter(Boolean) };
    if (await attempt(msg, async () => show(await api('/api/dlna', { method: 'PUT', body })))) {
      msg.textContent = t('Saved.');
      setTimeout(async () => { try { show(await api('/api/dlna')); } catch { /* shown on the next visit */ } }, 1500);
    }
  } },
  h('label', { class: 'inline' }, enabled, ' ', t('Serve the library to DLNA devices on the local network')),
  h('p', { class: 'muted' }, t('DLNA has no passwords: every device on the chosen networks sees what the account below may see.')),
  h('label', {}, t('Account whose folders are shared'), account),
  h('label', {}, t('Name on the network (empty = Cairn on this computer)'), friendlyName),
  h('label', {}, t('Network interfaces, names or addresses separated by commas (empty = all)'), interfaces),
  h('button', { type: 'submit', class: 'primary' }, t('Save')), msg);
  clear(body, h('h2', {}, t('DLNA media server')), status, form);
  show(state);
}

// --- optimised versions: the queue, its progress, cancel and delete ---
async function optimised(body) {
  const store = h('p', { id: 'optimised-store' });
  const msg = messageLine();
  const rows = h('tbody', { id: 'optimised-rows' });
  const empty = emptyState(t("No optimised versions. Ask for them on a video's page or for a whole folder in the Library tab."));
  const table = h('table', { class: 'data', id: 'optimised-list' },
    h('thead', {}, h('tr', {}, [t('Video'), t('Version'), t('State'), t('Progress'), t('Size'), ''].map((label) => h('th', {}, label)))), rows);
  let timer = 0;
  let stopped = false;
  let asked = 0;   // only the latest answer is shown
  stopPage = () => { stopped = true; clearTimeout(timer); };
  // `settle`: once more a moment later, when nothing is pending (a deleted version's files go
  // after the answer, and the store's figure with them).
  const refresh = async ({ settle = false } = {}) => {
    clearTimeout(timer);
    const mine = ++asked;
    let data;
    try {
      data = await api('/api/optimised');
    } catch (e) {
      if (stopped || mine !== asked) return;
      msg.className = 'form-message error';
      msg.textContent = errorText(e);
      // Asked again unless refused for good (an older server, no longer an administrator).
      if (!(e instanceof ApiError && e.status >= 400 && e.status < 500)) timer = setTimeout(refresh, 2000);
      return;
    }
    if (stopped || mine !== asked) return;
    if (msg.classList.contains('error')) { msg.className = 'form-message'; msg.textContent = ''; }
    const versions = data.versions || [];
    store.textContent = storeText(data.store);
    store.dataset.usedBytes = String(data.store?.usedBytes ?? 0);
    // The rows are made anew: a keyboard user's focus stays on the same row's button.
    const focused = rows.contains(document.activeElement) ? document.activeElement.closest('tr')?.id : null;
    clear(rows, versions.map((v) => optimisedRow(v, msg, refresh)));
    if (focused) document.getElementById(focused)?.querySelector('button')?.focus();
    table.hidden = !versions.length;
    empty.hidden = versions.length > 0;
    // Polled only while something is to come; the timer stops when the tab is left (stopPage).
    if (versions.some(isPending)) timer = setTimeout(refresh, 2000);
    else if (settle) timer = setTimeout(refresh, 1000);
  };
  clear(body, h('h2', {}, t('Optimised versions')),
    h('p', { class: 'muted' }, t('Encoded versions of videos made ahead of time, in the background, while nobody else needs FFmpeg.')),
    store, table, empty, msg);
  await refresh();
}

function optimisedRow(v, msg, refresh) {
  const variant = variantText(v.variant);
  const what = t('{video}, {variant}', { video: v.title || t('video {id}', { id: String(v.videoId) }), variant });
  const segments = Math.max(0, v.segments || 0);
  const done = Math.min(segments, Math.max(0, v.segmentsDone || 0));
  const pending = isPending(v);
  const remove = async () => {
    const question = pending ? t('Cancel the optimised version {version}? What it made so far is deleted.', { version: what })
      : t('Delete the optimised version {version}?', { version: what });
    if (!confirm(question)) return;
    // Already gone (finished elsewhere, deleted in another tab): the list is shown again anyway.
    await attempt(msg, async () => {
      try { await api(`/api/optimised/${encodeURIComponent(v.id)}`, { method: 'DELETE' }); } catch (e) { if (!(e instanceof ApiError && e.status === 404)) throw e; }
    });
    await refresh({ settle: true });
  };
  return h('tr', { id: `optimised-${v.id}`, class: 'optimised-version', dataset: { videoId: String(v.videoId), state: v.state || '' } },
    h('td', {}, h('a', { href: `#/video/${encodeURIComponent(v.videoId)}` }, v.title || t('Video {id}', { id: String(v.videoId) }))),
    h('td', { class: 'variant' }, variant),
    h('td', { class: 'state' }, stateText(v.state), v.error ? [h('br'), h('span', { class: 'error version-error' }, v.error)] : null),
    h('td', { class: 'progress' },
      h('progress', { max: segments || 1, value: done, 'aria-label': t('Progress of {version}', { version: what }) }), ' ',
      h('span', { class: 'segments' }, `${formatNumber(done)} / ${formatNumber(segments)}`)),
    h('td', { class: 'size' }, formatBytes(v.bytes)),
    h('td', {}, h('button', { class: pending ? 'cancel' : 'danger delete', onclick: remove,
      'aria-label': pending ? t('Cancel {version}', { version: what }) : t('Delete {version}', { version: what }) },
    pending ? t('Cancel') : t('Delete'))));
}

const perSecond = (size) => t('{size}/s', { size });

// A stream's kind and how it ended, as the activity API names them.
function kindText(kind) {
  const text = { direct: msg('Direct'), download: msg('Download'), transcode: msg('Transcode'), hls: msg('HLS video') }[kind];
  return text ? t(text) : kind || '';
}
function endingText(ending) {
  const text = { completed: msg('Completed'), 'client-left': msg('Client left'), ended: msg('Ended by an administrator'), failed: msg('Failed') }[ending];
  return text ? t(text) : ending || '';
}
