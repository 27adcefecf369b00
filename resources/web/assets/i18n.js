// The app's languages: English (the source text), German, French and Spanish. Every string the
// app shows goes through t(): its key is the English text, with {name} placeholders; a key whose
// English entry (i18n-en.js, the list of every key) has `one`/`other` forms is a plural, chosen
// by Intl.PluralRules from params.count (French says "0 morceau", German and Spanish "0 Titel",
// "0 pistas"). The catalogs (i18n-de.js, i18n-fr.js, i18n-es.js) map the same keys.
//
// The language is the first of navigator.languages whose primary subtag the app speaks ("de-AT"
// → German, "pt-BR" → none, so English), unless the user chose one in Settings (kept in
// localStorage). The chosen catalog is loaded before any module that imports this one runs
// (top-level await), and again when the user switches: setLanguage() tells onLanguageChange()
// listeners, and the app draws itself again at once. Numbers, sizes and dates are formatted by
// Intl in the same language.
//
// Importable in Node (tests/web/translations.test.mjs): no browser global is needed.

export const LANGUAGES = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' };
const STORAGE_KEY = 'cairn.language';

const browserLanguages = () => (typeof navigator !== 'undefined' && navigator.languages?.length
  ? navigator.languages : [typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en']);

// The first of `languages` (BCP 47 tags, in the user's order) the app speaks, else English.
export function languageFor(languages) {
  for (const tag of languages || []) {
    const primary = String(tag).toLowerCase().split(/[-_]/)[0];
    if (Object.hasOwn(LANGUAGES, primary)) return primary;
  }
  return 'en';
}

// What the user chose in Settings: a key of LANGUAGES, or '' for the browser's.
export function languageChoice() {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY) || '';
    return Object.hasOwn(LANGUAGES, value) ? value : '';
  } catch {
    return '';
  }
}

// The language the browser asks for, whatever the user chose.
export const automaticLanguage = () => languageFor(browserLanguages());

let current = 'en';
let locale = 'en';             // for Intl: the browser's own tag when it is of this language ("de-AT")
let messages = {};
let pluralRules = new Intl.PluralRules('en');
let numbers = new Intl.NumberFormat('en');
const listeners = new Set();
let loads = 0;               // only the latest of overlapping switches takes effect

export const language = () => current;

// → false when a later switch overtook this one.
async function apply(lang) {
  const mine = ++loads;
  let loaded = {};
  try {
    loaded = (await import(`./i18n-${lang}.js`)).default;
  } catch (e) {
    // A catalog that cannot be loaded leaves the English text (the keys) on screen.
    console.error(`cairn: the ${lang} texts could not be loaded`, e);
    lang = 'en';
    loaded = {};
  }
  if (mine !== loads) return false;
  current = lang;
  messages = loaded;
  locale = browserLanguages().find((tag) => languageFor([tag]) === lang && Intl.NumberFormat.supportedLocalesOf(tag).length) || lang;
  pluralRules = new Intl.PluralRules(locale);
  numbers = new Intl.NumberFormat(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return true;
}

// Settings' choice: a key of LANGUAGES, or '' for the browser's. Loads the catalog, then calls
// every onLanguageChange() listener and waits for those that return a promise (a page drawn
// again).
export async function setLanguage(choice) {
  try {
    if (choice && Object.hasOwn(LANGUAGES, choice)) localStorage.setItem(STORAGE_KEY, choice);
    else localStorage.removeItem(STORAGE_KEY);
  } catch { /* storage refused: this page still switches */ }
  if (!(await apply(Object.hasOwn(LANGUAGES, choice) ? choice : automaticLanguage()))) return;
  await Promise.all([...listeners].map((fn) => fn(current)));
}

export function onLanguageChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function shown(value) {
  return typeof value === 'number' ? numbers.format(value) : String(value ?? '');
}

// The text of `key` in the current language: `{name}` replaced by params.name (numbers formatted
// for the language); a plural picks its form by params.count. A key missing from the catalog is
// shown as the English text it is.
function lookup(key, params) {
  let text = Object.hasOwn(messages, key) ? messages[key] : key;
  if (text && typeof text === 'object') {
    const form = pluralRules.select(Number(params?.count) || 0);
    text = text[form] ?? text.other;
  }
  return text;
}

export function t(key, params) {
  const text = lookup(key, params);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? shown(params[name]) : whole));
}

// Like t(), for a text with elements in it ("Logged in as {name}" with <strong>): an array of
// strings and the params' nodes, to hand to h() as children.
export function tParts(key, params = {}) {
  return lookup(key, params).split(/(\{\w+\})/).filter((part) => part !== '').map((part) => {
    const m = part.match(/^\{(\w+)\}$/);
    if (!m || !Object.hasOwn(params, m[1])) return part;
    const value = params[m[1]];
    return typeof value === 'object' && value !== null ? value : shown(value);
  });
}

// Marks a text for translation where it is written (a table of labels) and translated where it
// is shown, by t(). Returns it as it is.
export const msg = (text) => text;

// --- formatting ---

export const formatNumber = (n, options) => (options ? new Intl.NumberFormat(locale, options) : numbers).format(Number(n) || 0);

// 2040109465 → "1.9 GB" ("1,9 GB", "1,9 Go"); a KB is 1024 bytes here (the optimised store's
// bound is set in MiB).
export function formatBytes(bytes) {
  const units = [null, msg('{size} KB'), msg('{size} MB'), msg('{size} GB'), msg('{size} TB')];
  let value = Math.max(0, Number(bytes) || 0);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  if (unit === 0) return t('{count} bytes', { count: value });
  return t(units[unit], { size: formatNumber(value, { maximumFractionDigits: value < 10 ? 1 : 0 }) });
}

// Decimal units, for transfer figures: 12345 → "12 kB", 1234567 → "1.2 MB".
export const formatKB = (bytes) => t('{size} kB', { size: formatNumber(Math.round((bytes || 0) / 1000)) });
export const formatMB = (bytes) => t('{size} MB', { size: formatNumber((bytes || 0) / 1e6, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });

const dated = (iso, fn) => {
  const d = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : fn(d);
};
export const formatDateTime = (iso) => dated(iso, (d) => d.toLocaleString(locale));
export const formatTime = (iso) => dated(iso, (d) => d.toLocaleTimeString(locale));

await apply(languageChoice() || automaticLanguage());
