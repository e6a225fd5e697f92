'use strict';

/*
 * Lede browser UI. Plain DOM, no framework.
 *
 * Safety rule: everything that comes from the API is inserted as text (textContent / append of
 * strings). The only HTML we accept is the server's highlight markup, and even that is parsed
 * into an inert document and rebuilt from text + <mark> only (see markedText).
 */

const FACETS = [
  { key: 'topic', label: 'Topic' },
  { key: 'provider', label: 'Provider' },
  { key: 'category', label: 'Category' },
  { key: 'kind', label: 'Kind' },
  { key: 'year', label: 'Year' },
];
const SORTS = ['relevance', 'newest', 'oldest', 'quality', 'heat'];
// How a page without a query is ordered, in the heading and the status line (relevance needs a query: newest).
const BROWSE_ORDER = {
  newest: ['Newest stories', 'newest first'],
  oldest: ['Oldest stories', 'oldest first'],
  quality: ['Stories by quality', 'best first'],
  heat: ['Hottest stories', 'hottest first'],
};
const PAGE_SIZE = 10;
const FACET_PREVIEW = 8;
const LOADING_DELAY_MS = 150; // fast answers should not flash a spinner
const SUGGEST_DELAY_MS = 120;
const SUGGEST_MIN_CHARS = 2;

const $ = (selector) => document.querySelector(selector);

/* ---------- URL <-> view state ---------- */

function readState(search) {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  const state = {
    q: (params.get('q') || '').trim(),
    from: isoDate(params.get('from')),
    to: isoDate(params.get('to')),
    sort: SORTS.includes(sort) ? sort : '',
    page: positiveInt(params.get('page')),
  };
  for (const { key } of FACETS) state[key] = [...new Set(params.getAll(key).filter(Boolean))];
  return state;
}

function stateToParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { key } of FACETS) state[key].forEach((value) => params.append(key, value));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

function apiParams(state) {
  const params = stateToParams(state);
  if (!params.has('sort')) params.set('sort', effectiveSort(state));
  params.set('size', String(PAGE_SIZE));
  return params;
}

// With no query there is nothing to rank by relevance, so the front page is the newest stories.
function effectiveSort(state) {
  return state.sort || (state.q ? 'relevance' : 'newest');
}

function hasFilters(state) {
  return FACETS.some(({ key }) => state[key].length > 0) || Boolean(state.from || state.to);
}

function positiveInt(text) {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

function isoDate(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text || '') ? text : '';
}

/* ---------- safe DOM building ---------- */

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child != null && child !== false));
  return node;
}

// Only http(s) URLs become links or image sources; javascript:, data: etc. are dropped.
function safeUrl(value) {
  if (typeof value !== 'string' || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// An external link when the URL is safe, otherwise the same content as plain text.
function externalLink(url, attrs, ...children) {
  const href = safeUrl(url);
  if (!href) return el('span', { class: attrs.class }, ...children);
  return el('a', { ...attrs, href, rel: 'noopener noreferrer' }, ...children);
}

// Rebuilds server highlight HTML as text nodes plus <mark> elements; everything else becomes text.
function markedText(html, fallback) {
  const fragment = document.createDocumentFragment();
  if (typeof html !== 'string' || html === '') {
    fragment.append(text(fallback));
    return fragment;
  }
  // DOMParser documents have no browsing context: no script runs and no image loads.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  appendMarked(fragment, doc.body);
  return fragment;
}

function appendMarked(target, source) {
  for (const node of source.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) target.append(node.data);
    else if (node.nodeType !== Node.ELEMENT_NODE) continue;
    else if (node.localName === 'mark') appendMark(target, node.textContent);
    else appendMarked(target, node);
  }
}

// "<mark>facial</mark> <mark>recognition</mark>" reads as one phrase, so it gets one mark.
function appendMark(target, words) {
  const gap = target.lastChild;
  const before = gap?.previousSibling;
  if (gap?.nodeType === Node.TEXT_NODE && /^\s+$/.test(gap.data) && before?.localName === 'mark') {
    before.append(gap.data, words);
    gap.remove();
  } else if (target.lastChild?.localName === 'mark') {
    target.lastChild.append(words);
  } else {
    target.append(el('mark', {}, words));
  }
}

function text(value) {
  return value == null ? '' : String(value);
}

/* ---------- dates and numbers ---------- */

const absoluteDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relativeDate = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const numberFormat = new Intl.NumberFormat();
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const TIME_UNITS = [
  ['year', 365 * 86400], ['month', 30 * 86400], ['week', 7 * 86400],
  ['day', 86400], ['hour', 3600], ['minute', 60],
];

function relativeTime(date, now = Date.now()) {
  const seconds = (date.getTime() - now) / 1000;
  for (const [unit, size] of TIME_UNITS) {
    if (Math.abs(seconds) >= size) return relativeDate.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

function parseDate(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function plural(n, one, many) {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

/* ---------- navigation ---------- */

let current = readState(location.search);

function navigate(next, { focusResults = false } = {}) {
  const query = stateToParams(next).toString();
  history.pushState(null, '', query ? `?${query}` : location.pathname);
  show(next, { focusResults });
}

function show(state, options = {}) {
  current = state;
  syncControls(state);
  load(state, options);
}

function withChange(change) {
  return { ...current, page: 1, ...change };
}

// Links keep real hrefs (shareable, middle-click opens a tab); a plain click stays in the page.
function internalLink(state, label, attrs = {}) {
  const query = stateToParams(state).toString();
  const link = el('a', { ...attrs, href: query ? `?${query}` : location.pathname }, label);
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(state, { focusResults: true });
  });
  return link;
}

/* ---------- fetching ---------- */

let searchController = null;
let loadingTimer = 0;

async function load(state, { focusResults = false } = {}) {
  searchController?.abort();
  const controller = new AbortController();
  searchController = controller;
  setBusy(true);
  try {
    const data = await getJson(`api/search?${apiParams(state)}`, controller.signal);
    renderResponse(state, data);
    if (focusResults) focusResultsHeading();
  } catch (error) {
    if (error.name !== 'AbortError') renderError(state, error.message);
  } finally {
    if (searchController === controller) {
      searchController = null;
      setBusy(false);
    }
  }
}

async function getJson(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new Error('Could not reach the search server. Check the connection and try again.');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : response.statusText;
    throw new Error(`The search failed (${response.status}): ${message || 'unknown error'}`);
  }
  if (!body || typeof body !== 'object') throw new Error('The server sent an answer that could not be read.');
  return body;
}

function setBusy(busy) {
  $('#results').setAttribute('aria-busy', String(busy));
  clearTimeout(loadingTimer);
  if (busy) loadingTimer = setTimeout(() => document.body.classList.add('is-loading'), LOADING_DELAY_MS);
  else document.body.classList.remove('is-loading');
}

function focusResultsHeading() {
  const heading = $('#results-heading');
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
}

/* ---------- rendering: page frame ---------- */

function syncControls(state) {
  $('#q').value = state.q;
  $('#from').value = state.from;
  $('#to').value = state.to;
  $('#sort').value = effectiveSort(state);
  $('#results-heading').textContent = state.q ? `Results for “${state.q}”` : browseOrder(state)[0];
  document.title = state.q ? `${state.q} — Lede` : 'Lede — news search';
  renderChips(state);
  renderFilterToggle(state);
}

function renderResponse(state, data) {
  const hits = Array.isArray(data.hits) ? data.hits : [];
  const total = Number(data.total) || 0;
  $('#error').hidden = true;
  $('#status').textContent = statusText(state, total, data);
  keepFocus($('#facets'), () => renderFacets(state, data.facets || {}));
  renderMonths(data.facets?.month || []);
  $('#hits').replaceChildren(...hits.map(renderHit));
  renderDidYouMean(state, data.didYouMean);
  renderEmpty(state, hits.length, total);
  renderPager(state, total, Number(data.size) || PAGE_SIZE);
}

function browseOrder(state) {
  return BROWSE_ORDER[effectiveSort(state)] || BROWSE_ORDER.newest;
}

function statusText(state, total, data) {
  const count = plural(total, 'story', 'stories');
  const page = state.page > 1 ? `, page ${state.page}` : '';
  const partial = data.partial ? ' Results may be incomplete.' : '';
  const what = state.q ? `${count} for “${state.q}”` : `${count}, ${browseOrder(state)[1]}`;
  return `${what}${page}.${matchNote(state, total, data.matched)}${partial}`;
}

// When no story had every word, the search loosened the words; the count must not read as exact matches.
function matchNote(state, total, matched) {
  if (!state.q || total === 0) return '';
  const scope = hasFilters(state) ? ' with these filters' : '';
  if (matched === 'most_words') return ` No story has all the words${scope}: these have most of them.`;
  if (matched === 'any_word') return ` No story has all the words${scope}: these have some of them.`;
  if (matched === 'all_words_fuzzy') return ` No exact match${scope}: these match with spelling variations.`;
  return '';
}

function renderError(state, message) {
  const box = $('#error');
  box.replaceChildren(el('strong', {}, 'Something went wrong. '), message, ' ',
    retryButton(state));
  box.hidden = false;
  $('#status').textContent = 'The search failed.';
  $('#hits').replaceChildren();
  $('#empty').hidden = true;
  $('#did-you-mean').hidden = true;
  $('#pager').hidden = true;
}

function retryButton(state) {
  const button = el('button', { type: 'button', class: 'link-button' }, 'Try again');
  button.addEventListener('click', () => load(state));
  return button;
}

function renderDidYouMean(state, didYouMean) {
  const line = $('#did-you-mean');
  const show = typeof didYouMean === 'string' && didYouMean.trim() !== '' && didYouMean !== state.q;
  line.hidden = !show;
  line.replaceChildren();
  if (show) line.append('Did you mean ', internalLink(withChange({ q: didYouMean }), el('em', {}, didYouMean)), '?');
}

function renderEmpty(state, count, total) {
  const box = $('#empty');
  box.hidden = count > 0;
  if (count > 0) return;
  box.replaceChildren(...(total > 0 ? pastLastPage(state) : noMatches(state)));
}

function pastLastPage(state) {
  return [el('p', { class: 'empty-title' }, 'This page is past the last one.'),
    el('p', {}, internalLink({ ...state, page: 1 }, 'Back to the first page'))];
}

function noMatches(state) {
  const parts = [el('p', { class: 'empty-title' },
    state.q ? `No stories match “${state.q}”.` : 'No stories to show.')];
  if (hasFilters(state)) {
    parts.push(el('p', {}, 'Some filters are active. ', clearFiltersButton('Remove all filters')));
  } else if (state.q) {
    parts.push(el('p', {}, 'Try fewer or different words.'));
  }
  return parts;
}

/* ---------- rendering: one hit ---------- */

function renderHit(hit) {
  const body = el('div', { class: 'hit-body' },
    hitMeta(hit),
    el('h2', { class: 'hit-title' },
      externalLink(hit.url, { class: 'hit-link' }, markedText(hit.highlights?.title, hit.title))),
    hitSnippet(hit),
    hitParents(hit),
    hitFooter(hit),
    hitAlsoFrom(hit));
  return el('li', { class: 'hit-item' },
    // The thumbnail comes first so that on phones it can float beside the title.
    el('article', { class: `hit${hit.kind === 'related' ? ' hit-related' : ''}` }, hitThumbnail(hit), body));
}

function hitMeta(hit) {
  const provider = hit.provider || {};
  const line = el('p', { class: 'hit-meta' });
  if (hit.kind === 'related') line.append(el('span', { class: 'kind-tag' }, 'Related'));
  if (provider.name) line.append(el('span', { class: 'provider' }, provider.name));
  if (provider.domain && provider.domain !== provider.name) {
    line.append(el('span', { class: 'domain' }, provider.domain));
  }
  if (hit.category) line.append(el('span', { class: 'category' }, hit.category));
  return line;
}

function hitSnippet(hit) {
  if (!hit.excerpt && !hit.highlights?.excerpt) return null;
  return el('p', { class: 'snippet' }, markedText(hit.highlights?.excerpt, hit.excerpt));
}

function hitParents(hit) {
  const parents = Array.isArray(hit.parents) ? hit.parents : [];
  if (hit.kind !== 'related' || parents.length === 0) return null;
  const line = el('p', { class: 'parents' }, 'Found under ');
  parents.forEach((parent, i) => {
    if (i > 0) line.append(', ');
    line.append(externalLink(parent.url, {}, text(parent.title || 'the original article')));
  });
  return line;
}

function hitFooter(hit) {
  const footer = el('div', { class: 'hit-footer' });
  const date = parseDate(hit.publishedDateTime);
  if (date) {
    footer.append(el('time', { datetime: date.toISOString(), title: date.toISOString() },
      el('span', { class: 'relative' }, relativeTime(date)),
      el('span', { class: 'absolute' }, absoluteDate.format(date))));
  }
  footer.append(...badges(hit));
  const topics = hitTopics(hit);
  if (topics) footer.append(topics);
  return footer;
}

function badges(hit) {
  const list = [];
  if (Number.isFinite(hit.quality) && hit.quality >= 0) {
    list.push(el('span', { class: 'badge badge-quality', title: 'Source quality score' },
      el('span', { class: 'badge-label' }, 'Quality'), ` ${hit.quality}`));
  }
  // -1 means the feed did not say; showing 0 or -1 would mislead.
  if (Number.isFinite(hit.heat) && hit.heat >= 0) {
    list.push(el('span', { class: 'badge badge-heat', title: 'How much attention the story is getting' },
      el('span', { class: 'badge-label' }, 'Heat'), ` ${hit.heat}`));
  }
  return list;
}

function hitTopics(hit) {
  const topics = Array.isArray(hit.topics) ? hit.topics.filter(Boolean) : [];
  if (topics.length === 0) return null;
  return el('ul', { class: 'topics', 'aria-label': 'Topics' },
    ...topics.map((topic) => el('li', {}, topicLink(topic))));
}

function topicLink(topic) {
  const selected = current.topic.includes(topic);
  const state = withChange({ topic: selected ? current.topic : [...current.topic, topic] });
  return internalLink(state, text(topic), { class: 'topic', title: `Only stories about ${topic}` });
}

function hitAlsoFrom(hit) {
  const others = Array.isArray(hit.alsoFrom) ? hit.alsoFrom : [];
  if (others.length === 0) return null;
  const list = el('ul', { class: 'also-list' }, ...others.map((other) => {
    const provider = other.provider || {};
    return el('li', {},
      externalLink(other.url, {}, text(other.title || provider.name || 'Untitled')),
      provider.name ? el('span', { class: 'also-provider' }, ` — ${provider.name}`) : null);
  }));
  return el('details', { class: 'also-from' },
    el('summary', {}, `Also from ${plural(others.length, 'source', 'sources')}`), list);
}

function hitThumbnail(hit) {
  const src = safeUrl(hit.image?.url);
  if (!src) return null;
  const img = el('img', {
    class: 'thumb', src, alt: '', loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer',
    width: positiveOrNull(hit.image.width), height: positiveOrNull(hit.image.height),
  });
  img.addEventListener('error', () => img.remove());
  return img;
}

function positiveOrNull(value) {
  return Number.isFinite(value) && value > 0 ? value : null;
}

/* ---------- rendering: facets, chips, dates ---------- */

const expandedFacets = new Set();
let lastFacets = {};

function renderFacets(state, facets) {
  lastFacets = facets;
  $('#facets').replaceChildren(...FACETS.map((facet) =>
    facetGroup(facet, Array.isArray(facets[facet.key]) ? facets[facet.key] : [], state[facet.key])));
}

function facetGroup(facet, counts, selected) {
  const values = ordered(facet.key, withSelected(counts, selected));
  if (values.length === 0) return document.createDocumentFragment();
  const expanded = expandedFacets.has(facet.key);
  const list = el('ul', { class: 'facet-list', id: `facet-${facet.key}` });
  values.forEach((entry, i) => {
    const item = facetOption(facet, entry, selected.includes(entry.value), i);
    item.hidden = !expanded && i >= FACET_PREVIEW && !selected.includes(entry.value);
    list.append(item);
  });
  return el('fieldset', { class: 'facet' }, el('legend', {}, facet.label), list,
    values.length > FACET_PREVIEW ? moreButton(facet, values.length, expanded) : null);
}

// A ticked value the server no longer counts must stay visible, or it could never be unticked.
function withSelected(counts, selected) {
  const values = counts.filter((entry) => entry && entry.value != null)
    .map((entry) => ({ value: String(entry.value), count: Number(entry.count) || 0 }));
  const known = new Set(values.map((entry) => entry.value));
  for (const value of selected) if (!known.has(value)) values.push({ value, count: 0 });
  return values;
}

// Readers scan years as a timeline, newest first, not by how many stories each holds.
function ordered(key, values) {
  return key === 'year' ? [...values].sort((a, b) => b.value.localeCompare(a.value)) : values;
}

function facetOption(facet, entry, checked, index) {
  const id = `facet-${facet.key}-${index}`;
  const input = el('input', {
    type: 'checkbox', id, checked, 'data-facet': facet.key, 'data-focus-key': `${facet.key}\u0000${entry.value}`,
  });
  input.value = entry.value;
  input.addEventListener('change', () => toggleFacet(facet.key, entry.value, input.checked));
  return el('li', { class: 'facet-option' }, input,
    el('label', { for: id },
      el('span', { class: 'facet-value' }, facetLabel(facet.key, entry.value)),
      el('span', { class: 'facet-count' }, numberFormat.format(entry.count))));
}

function facetLabel(key, value) {
  if (key === 'kind') return value === 'related' ? 'Related coverage' : value === 'article' ? 'Articles' : value;
  return value;
}

function moreButton(facet, count, expanded) {
  const button = el('button', {
    type: 'button', class: 'link-button more', 'aria-expanded': String(expanded),
    'aria-controls': `facet-${facet.key}`, 'data-focus-key': `more\u0000${facet.key}`,
  }, expanded ? 'Show fewer' : `Show all ${count}`);
  button.addEventListener('click', () => {
    if (expandedFacets.has(facet.key)) expandedFacets.delete(facet.key);
    else expandedFacets.add(facet.key);
    keepFocus($('#facets'), () => renderFacets(current, lastFacets));
  });
  return button;
}

function toggleFacet(key, value, checked) {
  const values = current[key].filter((v) => v !== value);
  if (checked) values.push(value);
  navigate(withChange({ [key]: values }));
}

// Re-rendering replaces nodes; put keyboard focus back on the equivalent control.
function keepFocus(container, render) {
  const active = document.activeElement;
  const key = container.contains(active) ? active.dataset.focusKey : undefined;
  render();
  if (key === undefined) return;
  const again = [...container.querySelectorAll('[data-focus-key]')].find((node) => node.dataset.focusKey === key);
  again?.focus();
}

function renderMonths(months) {
  const box = $('#months');
  const valid = months.filter((m) => /^\d{4}-\d{2}$/.test(m?.value || ''));
  if (valid.length === 0) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(el('p', { class: 'months-label' }, 'Jump to a month'),
    el('ul', { class: 'month-list' }, ...valid.map((m) => el('li', {}, monthLink(m)))));
}

function monthLink({ value, count }) {
  const [year, month] = value.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const state = withChange({ from: `${value}-01`, to: `${value}-${String(last).padStart(2, '0')}` });
  const label = monthFormat.format(new Date(Date.UTC(year, month - 1, 1)));
  return internalLink(state, `${label} (${numberFormat.format(Number(count) || 0)})`, { class: 'month' });
}

function renderChips(state) {
  const chips = [];
  for (const facet of FACETS) {
    for (const value of state[facet.key]) {
      chips.push(chip(`${facet.label}: ${facetLabel(facet.key, value)}`,
        { [facet.key]: state[facet.key].filter((v) => v !== value) }));
    }
  }
  if (state.from) chips.push(chip(`From: ${state.from}`, { from: '' }));
  if (state.to) chips.push(chip(`To: ${state.to}`, { to: '' }));
  if (chips.length > 1) chips.push(el('li', {}, clearFiltersButton('Clear all')));
  const list = $('#chips');
  list.replaceChildren(...chips);
  list.hidden = chips.length === 0;
}

function chip(label, change) {
  const button = el('button', { type: 'button', class: 'chip', 'aria-label': `Remove filter ${label}` },
    el('span', {}, label), el('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'));
  button.addEventListener('click', () => {
    navigate(withChange(change));
    $('#results-heading').focus({ preventScroll: true });
  });
  return el('li', {}, button);
}

function clearFiltersButton(label) {
  const button = el('button', { type: 'button', class: 'link-button' }, label);
  const cleared = { from: '', to: '' };
  for (const { key } of FACETS) cleared[key] = [];
  button.addEventListener('click', () => {
    navigate(withChange(cleared));
    $('#results-heading').focus({ preventScroll: true });
  });
  return button;
}

function renderFilterToggle(state) {
  const active = FACETS.reduce((n, { key }) => n + state[key].length, 0) + (state.from ? 1 : 0) + (state.to ? 1 : 0);
  $('#filters-toggle').textContent = active ? `Filters (${active})` : 'Filters';
}

/* ---------- rendering: pager ---------- */

function renderPager(state, total, size) {
  const pages = Math.ceil(total / size);
  const pager = $('#pager');
  pager.hidden = pages <= 1;
  if (pages <= 1) {
    pager.replaceChildren();
    return;
  }
  const page = Math.min(state.page, pages);
  const items = [pageStep(state, page - 1, pages, ['←', ' Previous'], 'prev')];
  for (const n of pageWindow(page, pages)) {
    items.push(n === null ? el('li', { class: 'gap', 'aria-hidden': 'true' }, '…') : pageNumber(state, n, page));
  }
  items.push(pageStep(state, page + 1, pages, ['Next ', '→'], 'next'));
  pager.replaceChildren(el('ul', {}, ...items));
}

// 1 … 4 5 [6] 7 8 … 20: first, last and two either side of the current page.
function pageWindow(page, pages) {
  const shown = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) shown.push(n);
    else if (shown[shown.length - 1] !== null) shown.push(null);
  }
  return shown;
}

function pageNumber(state, n, page) {
  if (n === page) return el('li', {}, el('span', { class: 'page current', 'aria-current': 'page' }, String(n)));
  return el('li', {}, internalLink({ ...state, page: n }, String(n), { class: 'page', 'aria-label': `Page ${n}` }));
}

// On phones only the arrow shows; the word stays for screen readers.
function pageStep(state, target, pages, [first, second], rel) {
  const label = rel === 'prev'
    ? [el('span', { 'aria-hidden': 'true' }, first), el('span', { class: 'step-word' }, second)]
    : [el('span', { class: 'step-word' }, first), el('span', { 'aria-hidden': 'true' }, second)];
  if (target < 1 || target > pages) {
    return el('li', {}, el('span', { class: `page step ${rel} disabled`, 'aria-disabled': 'true' }, ...label));
  }
  const content = document.createDocumentFragment();
  content.append(...label);
  return el('li', {}, internalLink({ ...state, page: target }, content, { class: `page step ${rel}`, rel }));
}

/* ---------- autocomplete (ARIA 1.2 combobox with listbox popup) ---------- */

const suggest = { items: [], active: -1, timer: 0, controller: null };

function scheduleSuggest() {
  clearTimeout(suggest.timer);
  const prefix = $('#q').value.trim();
  if (prefix.length < SUGGEST_MIN_CHARS) {
    closeSuggestions();
    return;
  }
  suggest.timer = setTimeout(() => fetchSuggestions(prefix), SUGGEST_DELAY_MS);
}

async function fetchSuggestions(prefix) {
  suggest.controller?.abort();
  const controller = new AbortController();
  suggest.controller = controller;
  try {
    const params = new URLSearchParams({ q: prefix, size: '8' });
    const data = await getJson(`api/suggest?${params}`, controller.signal);
    if ($('#q').value.trim() !== prefix || document.activeElement !== $('#q')) return;
    const items = Array.isArray(data.suggestions) ? data.suggestions : [];
    openSuggestions(items.filter((s) => s && typeof s.text === 'string' && s.text));
  } catch {
    // Suggestions are a convenience: a failure just means no popup.
    closeSuggestions();
  }
}

function openSuggestions(items) {
  suggest.items = items;
  suggest.active = -1;
  const list = $('#suggestions');
  list.replaceChildren(...items.map((item, i) =>
    el('li', { id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', 'data-index': i },
      item.text)));
  const open = items.length > 0;
  list.hidden = !open;
  $('#q').setAttribute('aria-expanded', String(open));
  $('#q').removeAttribute('aria-activedescendant');
}

function closeSuggestions() {
  clearTimeout(suggest.timer);
  suggest.controller?.abort();
  suggest.items = [];
  suggest.active = -1;
  $('#suggestions').hidden = true;
  $('#suggestions').replaceChildren();
  $('#q').setAttribute('aria-expanded', 'false');
  $('#q').removeAttribute('aria-activedescendant');
}

function moveActive(step) {
  const count = suggest.items.length;
  if (count === 0) return;
  // -1 is "back in the text box", so the user can return to what they typed.
  suggest.active = ((suggest.active + 1 + step + count + 1) % (count + 1)) - 1;
  const options = $('#suggestions').children;
  [...options].forEach((option, i) => option.setAttribute('aria-selected', String(i === suggest.active)));
  if (suggest.active >= 0) {
    $('#q').setAttribute('aria-activedescendant', options[suggest.active].id);
    options[suggest.active].scrollIntoView({ block: 'nearest' });
  } else {
    $('#q').removeAttribute('aria-activedescendant');
  }
}

function pickSuggestion(index) {
  const item = suggest.items[index];
  if (!item) return;
  $('#q').value = item.text;
  closeSuggestions();
  submitSearch();
}

function onSearchKey(event) {
  const open = !$('#suggestions').hidden;
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp':
      if (!open) return;
      event.preventDefault();
      moveActive(event.key === 'ArrowDown' ? 1 : -1);
      break;
    case 'Enter':
      if (open && suggest.active >= 0) {
        event.preventDefault();
        pickSuggestion(suggest.active);
      }
      break;
    case 'Escape':
      if (open) {
        event.preventDefault();
        closeSuggestions();
      }
      break;
    case 'Tab':
      closeSuggestions();
      break;
    default:
  }
}

function submitSearch() {
  closeSuggestions();
  navigate(withChange({ q: $('#q').value.trim() }));
}

/* ---------- wiring ---------- */

function wire() {
  const input = $('#q');
  $('#search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    submitSearch();
  });
  input.addEventListener('input', scheduleSuggest);
  input.addEventListener('keydown', onSearchKey);
  input.addEventListener('blur', closeSuggestions);
  // mousedown would blur the input (and close the list) before the click lands.
  $('#suggestions').addEventListener('mousedown', (event) => event.preventDefault());
  $('#suggestions').addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) pickSuggestion(Number(option.dataset.index));
  });
  $('#sort').addEventListener('change', (event) => navigate(withChange({ sort: event.target.value })));
  for (const id of ['from', 'to']) {
    $(`#${id}`).addEventListener('change', (event) => navigate(withChange({ [id]: isoDate(event.target.value) })));
  }
  $('#filters-toggle').addEventListener('click', toggleFilters);
  window.addEventListener('popstate', () => show(readState(location.search)));
}

function toggleFilters() {
  const button = $('#filters-toggle');
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  $('#sidebar').classList.toggle('is-open', open);
}

wire();
show(current);
