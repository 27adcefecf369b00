// The web app in German, French and Spanish (resources/web/assets/i18n.js and its catalogs).
//
// First without a browser: every text the modules pass to t()/tParts()/msg() is a key of the
// English list (i18n-en.js) and every key there is used; each catalog has exactly those keys,
// plurals where English has them, the same {placeholders}; the language chosen from the
// browser's languages, plural forms (French 0 is singular), numbers and sizes by Intl.
//
// Then in Debian's chromium against a real `cairn --headless` (harness.mjs), with Playwright
// contexts in de-DE, fr-FR and es-ES: the log-in page and the main pages (music, videos, a video,
// the administration's tabs, settings) show the language's texts and <html lang>, and no text,
// placeholder, aria-label or title on them is still the English source text, except a short
// allow-list of words the languages share. pt-BR gets English. An en-US browser switched to
// Français in Settings turns French at once, while a track keeps playing, and stays French after
// a reload. Exit 77 (CTest: skipped) only when chromium is not installed, after the checks that
// need no browser.
//
// usage: node translations.test.mjs <path of the cairn executable>

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { TestSite, chromiumInstalled, CHROMIUM, ADMIN_PASSWORD, step, until } from './harness.mjs';

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'web', 'assets');
const LANGS = ['de', 'fr', 'es'];

// Keys allowed to read the same as in English, per language: words the languages share (and
// units). Everything else on the visited pages must differ from its English source text.
const SHARED = ['{bitrate} kbit/s', '{name} — {format} {bitrate} kbit/s', '{size} KB', '{size} MB', '{size} GB', '{size} TB', '{size} kB'];
const ALLOWED = {
  de: new Set([...SHARED, 'Name', 'Admin', 'Administrator', 'Album', 'Video', 'Videos', 'Video {id}', 'Genres', 'Playlist',
    'Playlists', '+ Playlist', 'Format', 'Bitrate (kbit/s)', 'Client', 'Position', 'Version']),
  fr: new Set([...SHARED, 'Administration', 'Album', 'Albums', 'Genres', 'Playlist', 'Playlists', '+ Playlist', 'Actions',
    'Format', 'Client', 'Position', 'Version', 'Direct', 'Volume']),
  es: new Set(SHARED),
};

// Texts a language's pages must show (a few per page), besides the completeness check.
const EXPECT = {
  de: {
    login: ['Anmelden', 'Passwort', 'Auf diesem Gerät angemeldet bleiben'],
    nav: ['Alben', 'Alle Titel', 'Verwaltung', 'Einstellungen', 'Abmelden (admin)'],
    albums: ['Sortieren nach', 'Ihre Favoriten zuerst'],
    album: ['▶ Abspielen', '+ Warteschlange', '2 Titel', 'Bewertung des Albums', 'Dauer'],
    tracks: ['Titel', 'Künstler', 'Wiedergaben', 'Zur Warteschlange hinzufügen'],
    artists: ['1 Album · 2 Titel'],
    playlistDialog: ['Zu einer Playlist hinzufügen', 'Name der neuen Playlist', 'Abbrechen'],
    videos: ['Videos'],
    video: ['Qualität', 'Untertitel', 'Optimieren', 'Die beste für dieses Video'],
    folders: ['Bibliotheksordner', 'Bereit. 4 Titel in der Bibliothek.', 'Videos optimieren', 'Jetzt neu einlesen'],
    users: ['Zuletzt aktiv', 'Benutzer anlegen', 'Überall abmelden', 'mindestens 8 Zeichen'],
    presets: ['Abtastrate (Hz)', 'Video-Voreinstellungen (HLS)'],
    activity: ['Aktuelle Streams', 'Begrenzungen speichern', 'Gleichzeitige Streams pro Benutzer, 0 = unbegrenzt'],
    dlna: ['DLNA-Medienserver', '(Konto wählen)', 'admin (Administrator: sieht alles)'],
    optimised: ['Optimierte Versionen', '0 Bytes von 20 GB belegt'],
    settings: ['Sprache', 'Automatisch (Deutsch)', 'App-Passwörter', 'Angemeldet als admin (Administrator)', 'Symfonium auf meinem Handy'],
    player: ['Keine Wiedergabe', 'Zufallswiedergabe', 'Wiederholen: aus', 'Lautstärke', 'Warteschlange'],
    deleteUser: 'Benutzer bob löschen?',
  },
  fr: {
    login: ['Se connecter', 'Mot de passe', 'Rester connecté sur cet appareil'],
    nav: ['Albums', 'Tous les morceaux', 'Administration', 'Paramètres', 'Se déconnecter (admin)'],
    albums: ['Trier par', "Vos favoris d'abord"],
    album: ['▶ Lire', "+ File d'attente", '2 morceaux', "Note de l'album", 'Durée'],
    tracks: ['Titre', 'Artiste', 'Écoutes', "Ajouter à la file d'attente"],
    artists: ['1 album · 2 morceaux'],
    playlistDialog: ['Ajouter à une playlist', 'Nom de la nouvelle playlist', 'Annuler'],
    videos: ['Vidéos'],
    video: ['Qualité', 'Sous-titres', 'Optimiser', 'La meilleure pour cette vidéo'],
    folders: ['Dossiers de la bibliothèque', 'Au repos. 4 morceaux dans la bibliothèque.', 'Optimiser les vidéos', 'Réanalyser maintenant'],
    users: ['Vu pour la dernière fois', "Créer l'utilisateur", 'Déconnecter partout', 'au moins 8 caractères'],
    presets: ["Fréquence d'échantillonnage (Hz)", 'Préréglages vidéo (HLS)'],
    activity: ['Flux en cours', 'Enregistrer les limites', 'Flux simultanés par utilisateur, 0 = illimité'],
    dlna: ['Serveur multimédia DLNA', '(choisissez un compte)', 'admin (administrateur : voit tout)'],
    // French: 0 is singular.
    optimised: ['Versions optimisées', 'Espace utilisé : 0 octet sur 20 Go'],
    settings: ['Langue', 'Automatique (Français)', "Mots de passe d'application", 'Connecté en tant que admin (administrateur)', 'Symfonium sur mon téléphone'],
    player: ['Aucune lecture', 'Lecture aléatoire', 'Répéter : non', 'Volume', "File d'attente"],
    deleteUser: "Supprimer l'utilisateur bob ?",
  },
  es: {
    login: ['Iniciar sesión', 'Contraseña', 'Recordarme en este dispositivo'],
    nav: ['Álbumes', 'Todas las pistas', 'Administración', 'Ajustes', 'Cerrar sesión (admin)'],
    albums: ['Ordenar por', 'Sus favoritos primero'],
    album: ['▶ Reproducir', '+ Cola', '2 pistas', 'Valoración del álbum', 'Duración'],
    tracks: ['Título', 'Artista', 'Reproducciones', 'Añadir a la cola'],
    artists: ['1 álbum · 2 pistas'],
    playlistDialog: ['Añadir a una lista', 'Nombre de la nueva lista', 'Cancelar'],
    videos: ['Vídeos'],
    video: ['Calidad', 'Subtítulos', 'Optimizar', 'La mejor para este vídeo'],
    folders: ['Carpetas de la biblioteca', 'Inactivo. 4 pistas en la biblioteca.', 'Optimizar vídeos', 'Volver a explorar ahora'],
    users: ['Visto por última vez', 'Crear usuario', 'Cerrar sesión en todas partes', 'al menos 8 caracteres'],
    presets: ['Frecuencia de muestreo (Hz)', 'Perfiles de vídeo (HLS)'],
    activity: ['Transmisiones en curso', 'Guardar límites', 'Transmisiones simultáneas por usuario, 0 = sin límite'],
    dlna: ['Servidor multimedia DLNA', '(elija una cuenta)', 'admin (administrador: lo ve todo)'],
    optimised: ['Versiones optimizadas', 'Espacio ocupado: 0 bytes de 20 GB'],
    settings: ['Idioma', 'Automático (Español)', 'Contraseñas de aplicación', 'Sesión iniciada como admin (administrador)', 'Symfonium en mi teléfono'],
    player: ['No se reproduce nada', 'Orden aleatorio', 'Repetir: no', 'Volumen', 'Cola'],
    deleteUser: '¿Eliminar al usuario bob?',
  },
};

const norm = (s) => String(s).replace(/\s+/g, ' ').trim();
const placeholders = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const forms = (value) => (typeof value === 'string' ? [value] : [value.one, value.other]);

// --- without a browser -------------------------------------------------------------------------

// The keys the modules use: the literal first argument of t(), tParts() and msg().
function keysInCode() {
  const keys = new Map();
  const call = /\b(t|tParts|msg)\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`)/g;
  for (const file of readdirSync(ASSETS).filter((f) => f.endsWith('.js') && !f.startsWith('i18n-'))) {
    const source = readFileSync(join(ASSETS, file), 'utf8');
    for (const m of source.matchAll(call)) {
      assert.notEqual(m[2], '`', `${file}: ${m[1]}() with a template literal: keys must be plain strings`);
      const key = new Function(`return ${m[2]}`)();
      if (!keys.has(key)) keys.set(key, file);
    }
  }
  return keys;
}

async function checkCatalogs() {
  step('catalogs: every key used in the code is in the English list, each catalog has exactly its keys');
  const english = (await import(join(ASSETS, 'i18n-en.js'))).default;
  const used = keysInCode();
  const missing = [...used.keys()].filter((k) => !Object.hasOwn(english, k));
  assert.deepEqual(missing.map((k) => `${k} (${used.get(k)})`), [], 'texts passed to t() that i18n-en.js lacks');
  const unused = Object.keys(english).filter((k) => !used.has(k));
  assert.deepEqual(unused, [], 'keys of i18n-en.js no module uses');
  assert.ok(Object.keys(english).length > 300, `only ${Object.keys(english).length} keys`);

  for (const [key, value] of Object.entries(english)) {
    const plural = key.includes('{count}');
    assert.equal(typeof value === 'object', plural, `English "${key}": plural exactly when it has {count}`);
    if (plural) assert.equal(value.other, key, `English "${key}": the key is the "other" form`);
    else assert.equal(value, key, `English "${key}" is its own text`);
  }

  const catalogs = {};
  for (const lang of LANGS) {
    const catalog = (await import(join(ASSETS, `i18n-${lang}.js`))).default;
    catalogs[lang] = catalog;
    const lacking = Object.keys(english).filter((k) => !Object.hasOwn(catalog, k));
    assert.deepEqual(lacking, [], `keys without a ${lang} text`);
    const extra = Object.keys(catalog).filter((k) => !Object.hasOwn(english, k));
    assert.deepEqual(extra, [], `${lang} texts for keys that no longer exist`);
    for (const [key, value] of Object.entries(catalog)) {
      const plural = typeof english[key] === 'object';
      if (plural) {
        assert.ok(value && typeof value === 'object' && typeof value.one === 'string' && typeof value.other === 'string',
          `${lang} "${key}" needs the forms one and other`);
      } else {
        assert.equal(typeof value, 'string', `${lang} "${key}" is a plain text`);
      }
      for (const text of forms(value)) {
        assert.ok(norm(text), `${lang} "${key}" is empty`);
        assert.equal(text, text.trim(), `${lang} "${key}": spaces at an end`);
        assert.deepEqual(placeholders(text), placeholders(key), `${lang} "${key}": placeholders of "${text}"`);
      }
    }
  }
  // French typography: a no-break space before the high punctuation, never a plain one.
  for (const [key, value] of Object.entries(catalogs.fr)) {
    for (const text of forms(value)) assert.doesNotMatch(text, / [:;?!»]|« /, `fr "${key}": a plain space before punctuation in "${text}"`);
  }

  step('i18n.js: the language from navigator.languages, plurals, numbers and sizes in the chosen language');
  const store = new Map();
  globalThis.localStorage = {
    getItem: (k) => (store.has(k) ? store.get(k) : null), setItem: (k, v) => store.set(k, String(v)), removeItem: (k) => store.delete(k),
  };
  const i18n = await import(join(ASSETS, 'i18n.js'));
  assert.equal(i18n.languageFor(['de-AT', 'en']), 'de');
  assert.equal(i18n.languageFor(['fr-CA']), 'fr');
  assert.equal(i18n.languageFor(['es-419']), 'es');
  assert.equal(i18n.languageFor(['pt-BR']), 'en');
  assert.equal(i18n.languageFor(['pt-BR', 'es-MX', 'de']), 'es', 'the first supported one');
  assert.equal(i18n.languageFor(['en-GB', 'de']), 'en');
  assert.equal(i18n.languageFor([]), 'en');
  assert.equal(i18n.language(), 'en', 'Node has no browser languages: English');
  assert.equal(i18n.t('{count} tracks', { count: 1 }), '1 track');
  assert.equal(i18n.t('{count} tracks', { count: 0 }), '0 tracks');
  assert.equal(i18n.t('Log out {name}', { name: 'bob' }), 'Log out bob');
  assert.equal(i18n.formatBytes(2040109465), '1.9 GB');

  const seen = [];
  const off = i18n.onLanguageChange((lang) => seen.push(lang));
  await i18n.setLanguage('fr');
  assert.equal(store.get('cairn.language'), 'fr');
  assert.deepEqual(seen, ['fr']);
  assert.equal(i18n.language(), 'fr');
  assert.equal(i18n.t('{count} tracks', { count: 0 }), '0 morceau', 'French: 0 is singular');
  assert.equal(i18n.t('{count} tracks', { count: 1 }), '1 morceau');
  assert.equal(i18n.t('{count} tracks', { count: 2 }), '2 morceaux');
  assert.equal(i18n.t('{count} tracks', { count: 1500 }), '1\u202f500 morceaux', 'counts are formatted for the language');
  assert.equal(i18n.formatBytes(2040109465), '1,9 Go');
  assert.equal(i18n.t('Remove {path} from the library?', { path: '/srv' }), 'Retirer /srv de la bibliothèque\u00a0?');
  assert.equal(i18n.t('no such key, shown as it is'), 'no such key, shown as it is');

  await i18n.setLanguage('de');
  assert.equal(i18n.t('{count} tracks', { count: 0 }), '0 Titel');
  assert.equal(i18n.t('{count} albums', { count: 0 }), '0 Alben', 'German: 0 is plural');
  assert.equal(i18n.t('{count} albums', { count: 1 }), '1 Album');
  assert.equal(i18n.t('Played {count} times', { count: 1234 }), '1.234-mal gespielt');
  assert.equal(i18n.formatBytes(1536), '1,5 KB');
  assert.equal(i18n.formatBytes(1), '1 Byte');

  await i18n.setLanguage('es');
  assert.equal(i18n.t('{count} albums', { count: 0 }), '0 álbumes', 'Spanish: 0 is plural');
  assert.equal(i18n.t('{count} albums', { count: 1 }), '1 álbum');
  const parts = i18n.tParts('Search: {query}', { query: { node: 'q' } });
  assert.deepEqual(parts, ['Búsqueda: ', { node: 'q' }], 'tParts keeps the element where the placeholder was');

  await i18n.setLanguage('');
  assert.equal(store.has('cairn.language'), false, 'Automatic forgets the choice');
  assert.equal(i18n.language(), 'en');
  off();
  return english;
}

// The English source texts as matchers: exact texts, and for those with {placeholders} a pattern
// (only where the words around the placeholders are words, not just punctuation or a unit).
function englishMatchers(english) {
  const matchers = [];
  for (const [key, value] of Object.entries(english)) {
    for (const text of forms(value)) {
      const source = norm(text);
      if (!/\{\w+\}/.test(source)) {
        matchers.push({ key, text: source, test: (s) => s === source });
        continue;
      }
      const literal = source.replace(/\{\w+\}/g, ' ');
      if (!/[A-Za-z]{3,}/.test(literal)) continue;
      const pattern = new RegExp(`^${source.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?')}$`);
      matchers.push({ key, text: source, test: (s) => pattern.test(s) });
    }
  }
  return matchers;
}

// --- in the browser ----------------------------------------------------------------------------

// Every text of the page a user can meet: each text node, each element's whole text (texts made
// of several nodes, "Logged in as <strong>bob</strong>"), placeholders, aria-labels, titles.
function visibleTexts() {
  const out = new Set();
  const add = (s) => { const n = String(s ?? '').replace(/\s+/g, ' ').trim(); if (n) out.add(n); };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) { add(node.nodeValue); continue; }
    if (['SCRIPT', 'STYLE', 'svg'].includes(node.tagName)) continue;
    if ((node.textContent || '').length < 400) add(node.textContent);
    for (const attr of ['placeholder', 'aria-label', 'title', 'alt', 'label']) add(node.getAttribute(attr));
  }
  return [...out];
}

function untranslated(texts, matchers, allowed) {
  const found = [];
  for (const text of texts) {
    const hit = matchers.find((m) => m.test(text));
    if (hit && !allowed.has(hit.key)) found.push(`"${text}" (English source "${hit.text}")`);
  }
  return found;
}

async function visit(page, site, hash, ready) {
  await page.goto(`${site.base}/${hash}`);
  if (typeof ready === 'string') await page.waitForSelector(ready, { state: 'attached', timeout: 20000 });
  else await page.waitForFunction(ready, null, { timeout: 20000 });
}

async function checkLanguage(browser, site, lang, locale, matchers, ids) {
  const expect = EXPECT[lang];
  const allowed = ALLOWED[lang];
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const problems = [];
  const texts = async () => page.evaluate(visibleTexts);
  const check = async (where, wanted = []) => {
    const shown = await texts();
    for (const w of wanted) if (!shown.some((text) => text.includes(norm(w)))) problems.push(`${where}: "${w}" is not shown`);
    for (const u of untranslated(shown, matchers, allowed)) problems.push(`${where}: ${u}`);
  };

  step(`${locale}: the log-in page`);
  await page.goto(`${site.base}/`);
  await page.waitForSelector('#login-name');
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${locale}: <html lang> on the log-in page`);
  await check('log-in page', expect.login);
  await TestSite.logIn(page, site.base, 'admin', ADMIN_PASSWORD);
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);

  step(`${locale}: music`);
  await visit(page, site, '#/albums', '#album-grid .card');
  await check('albums', [...expect.nav, ...expect.albums, ...expect.player]);
  await visit(page, site, `#/album/${ids.album}`, '.album-head .rating');
  await check('an album', expect.album);
  await visit(page, site, '#/tracks', '#all-tracks .play-track');
  await check('all tracks', expect.tracks);
  await page.click('#all-tracks tbody tr:first-child .add-to-playlist');
  await page.waitForSelector('#add-to-playlist .list li:not(:has-text("…"))');
  await check('the add-to-playlist dialog', expect.playlistDialog);
  await page.click('#add-to-playlist .actions button');
  await visit(page, site, '#/artists', '#page .list li');
  await check('artists', expect.artists);
  for (const [hash, ready] of [['#/genres', '#page .empty, #page .list li'], ['#/favourites', '#page .empty, #favourite-tracks'],
    ['#/playlists', '#page .empty, #playlist-list'], ['#/search/song', '#search-results .play-track']]) {
    await visit(page, site, hash, ready);
    await check(hash);
  }

  step(`${locale}: videos and a video`);
  await visit(page, site, '#/videos', '#video-grid .card');
  await check('videos', expect.videos);
  await visit(page, site, `#/video/${ids.video}`, () => !document.getElementById('quality')?.hidden);
  await page.waitForFunction(() => document.querySelectorAll('#optimise-variant option').length > 1);
  await check('a video', expect.video);

  step(`${locale}: administration`);
  await visit(page, site, '#/admin/folders', () => document.getElementById('scan-status')?.dataset.scanning === 'false'
    && document.querySelector('#scan-errors .empty, #scan-errors li'));
  await check('library tab', expect.folders);
  await visit(page, site, '#/admin/users', '#admin-users tbody tr');
  await check('users tab', expect.users);
  if (lang === 'de') {
    const seen = await page.$$eval('#admin-users tbody tr td.muted', (tds) => tds.map((td) => td.textContent));
    assert.ok(seen.some((s) => /^\d{1,2}\.\d{1,2}\.\d{4}, \d{2}:\d{2}:\d{2}$/.test(s)), `a German date and time: ${seen}`);
  }
  const asked = dialogs.length;
  await page.locator('#admin-users tbody tr', { hasText: 'bob' }).locator('button.danger').click();
  await until('the confirm() of a deletion', () => dialogs.length > asked);
  assert.equal(norm(dialogs.at(-1)), expect.deleteUser, 'confirm() asks in the language');
  await visit(page, site, '#/admin/presets', '#admin-presets tbody tr');
  await check('presets tab', expect.presets);
  await visit(page, site, '#/admin/activity', () => document.querySelector('#admin-activity > div:last-child')?.childElementCount > 0);
  await check('activity tab', expect.activity);
  await visit(page, site, '#/admin/dlna', () => document.getElementById('dlna-status')?.textContent);
  await check('DLNA tab', expect.dlna);
  await visit(page, site, '#/admin/optimised', () => document.getElementById('optimised-store')?.textContent);
  await check('optimised tab', expect.optimised);

  step(`${locale}: settings`);
  await visit(page, site, '#/settings', () => {
    const table = document.getElementById('app-password-list');
    return table && (table.hidden || document.querySelector('#app-passwords .empty')?.hidden);
  });
  await check('settings', expect.settings);
  assert.equal(await page.$eval('#language-choice', (s) => s.value), '', 'Automatic is chosen');

  assert.deepEqual(errors, [], `${locale}: page errors`);
  assert.deepEqual(problems, [], `${locale}: untranslated or missing texts`);
  await context.close();
}

async function main() {
  const english = await checkCatalogs();
  if (!chromiumInstalled()) {
    console.log(`SKIP: ${CHROMIUM} is not installed (tools/dev.sh installs it)`);
    process.exit(77);
  }
  const site = new TestSite(process.argv[2]);
  try {
    await site.start();
    const admin = (path) => site.json(path, { token: site.adminToken });
    const ids = {
      album: (await admin('/api/albums?limit=10')).body.items.find((a) => a.artist === 'Tester').id,
      video: (await admin('/api/tracks?limit=100')).body.items.find((x) => x.kind === 'video').id,
    };
    const browser = await site.launchBrowser();
    const matchers = englishMatchers(english);
    for (const [lang, locale] of [['de', 'de-DE'], ['fr', 'fr-FR'], ['es', 'es-ES']]) await checkLanguage(browser, site, lang, locale, matchers, ids);

    step('pt-BR: a language the app does not speak gets English');
    {
      const context = await browser.newContext({ locale: 'pt-BR' });
      const page = await context.newPage();
      await TestSite.logIn(page, site.base, 'admin', ADMIN_PASSWORD);
      assert.equal(await page.evaluate(() => navigator.languages[0]), 'pt-BR');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await visit(page, site, '#/settings', '#language-choice');
      assert.equal(await page.textContent('#page h1'), 'Settings');
      assert.equal(await page.$eval('#language-choice option[value=""]', (o) => o.textContent), 'Automatic (English)');
      await visit(page, site, '#/tracks', '#all-tracks .play-track');
      assert.deepEqual(await page.$$eval('#all-tracks thead th', (ths) => ths.map((th) => th.textContent)).then((a) => a.slice(1, 4)),
        ['Title', 'Artist', 'Album']);
      await context.close();
    }

    step('en-US: Français chosen in Settings turns the app French at once, the music plays on; a reload keeps it');
    {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await TestSite.logIn(page, site.base, 'admin', ADMIN_PASSWORD);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await visit(page, site, '#/tracks', '#all-tracks .play-track');
      await page.click('.play-track:text-is("Test Song")');
      await page.waitForFunction(() => { const a = document.getElementById('audio'); return a.currentTime > 0.3 && !a.paused; }, null, { timeout: 20000 });
      await page.click('#queue-toggle');
      await visit(page, site, '#/settings', '#language-choice');
      assert.equal(await page.textContent('#nav-playlists'), 'Playlists');
      assert.equal(await page.getAttribute('#play-toggle', 'aria-label'), 'Pause');
      await page.selectOption('#language-choice', 'fr');
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      await page.waitForFunction(() => document.querySelector('#page h1')?.textContent === 'Paramètres');
      assert.equal(await page.evaluate(() => localStorage.getItem('cairn.language')), 'fr');
      assert.equal(await page.$eval('#language-choice', (s) => s.value), 'fr', 'the select shows the choice');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'language-choice', 'the keyboard stays on the select');
      assert.equal(await page.textContent('nav a[href="#/settings"]'), 'Paramètres', 'the navigation is French');
      assert.equal(await page.textContent('#logout'), 'Se déconnecter (admin)');
      assert.equal(await page.getAttribute('#search', 'placeholder'), 'Rechercher des artistes, albums, morceaux');
      assert.equal(await page.getAttribute('#play-toggle', 'aria-label'), 'Mettre en pause', 'the player bar is French');
      assert.equal(await page.getAttribute('#queue-toggle', 'title'), "File d'attente");
      assert.equal(await page.textContent('#queue-clear'), 'Vider');
      assert.equal(await page.$eval('.queue-panel', (p) => p.hidden), false, 'the open queue panel stays open');
      assert.equal(await page.textContent('.np-title'), 'Test Song');
      const before = await page.$eval('#audio', (a) => a.currentTime);
      await page.waitForFunction((t) => { const a = document.getElementById('audio'); return !a.paused && a.currentTime > t + 0.5; }, before, { timeout: 10000 });
      await page.waitForFunction(() => /^\d+:\d{2} \/ \d+:\d{2}$/.test(document.querySelector('.np-time')?.textContent) && document.querySelector('#seek').value !== '0');
      await visit(page, site, '#/albums', '#album-grid .card');
      assert.equal(await page.textContent('#page h1'), 'Albums');
      assert.match(await page.textContent('.sort-picker'), /^Trier par /);
      await page.reload();
      await page.waitForSelector('#album-grid .card');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr', 'French after a reload');
      assert.equal(await page.textContent('nav a[href="#/tracks"]'), 'Tous les morceaux');
      const leftOver = untranslated(await page.evaluate(visibleTexts), matchers, ALLOWED.fr);
      assert.deepEqual(leftOver, [], 'French everywhere after the switch');
      await visit(page, site, '#/settings', '#language-choice');
      await page.selectOption('#language-choice', '');
      await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#page h1')?.textContent === 'Settings');
      assert.equal(await page.evaluate(() => localStorage.getItem('cairn.language')), null);
      assert.deepEqual(errors, []);
      await context.close();
    }
    console.log('PASS');
  } finally {
    await site.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
