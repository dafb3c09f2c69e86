// Capstan dashboard. Plain JavaScript, no library: everything from Git, values, commit messages and
// Kubernetes objects is put on the page as text (textContent, text nodes), never parsed as markup.
'use strict';

const TOKEN_KEY = 'capstan.apiToken';
const SYNC_STATES = ['Synced', 'OutOfSync', 'Unknown'];
const HEALTH_STATES = ['Healthy', 'Progressing', 'Degraded', 'Suspended', 'Missing', 'Unknown'];
const state = { session: null, view: null, rows: new Map(), reloadTimer: null, streamAbort: null };

// ---- DOM helpers: children that are strings become text nodes ----
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const $ = (id) => document.getElementById(id);
const shortSha = (sha) => (sha && /^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 7) : sha || '');
function status(label) {
  const text = label || 'Unknown';
  return el('span', { class: 'status s-' + text.replace(/[^A-Za-z]/g, '') }, text);
}
function when(iso) {
  if (!iso) return '';
  const t = new Date(iso);
  if (isNaN(t)) return iso;
  const d = Math.round((Date.now() - t.getTime()) / 1000);
  const s = Math.abs(d);
  const span = s < 60 ? s + ' s' : s < 3600 ? Math.round(s / 60) + ' min' : s < 86400 ? Math.round(s / 3600) + ' h' : Math.round(s / 86400) + ' d';
  return el('time', { datetime: iso, title: t.toISOString() }, d >= 0 ? span + ' ago' : 'in ' + span);
}

// ---- API: the token travels in the Authorization header only ----
function token() { return sessionStorage.getItem(TOKEN_KEY); }
function headers(extra) {
  const h = Object.assign({ Accept: 'application/json' }, extra || {});
  if (token()) h.Authorization = 'Bearer ' + token();
  return h;
}
class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}
async function api(path, options) {
  const opts = Object.assign({ cache: 'no-store' }, options || {});
  opts.headers = headers(opts.headers);
  const res = await fetch('/api/v1' + path, opts);
  const type = res.headers.get('Content-Type') || '';
  const body = type.startsWith('application/json') ? await res.json() : await res.text();
  if (!res.ok) {
    if (res.status === 401 && path !== '/session') showSignIn('Sign in: ' + ((body && body.error) || 'a token is required'));
    throw new ApiError(res.status, (body && body.error) || (body && body.heldBecause) || res.statusText);
  }
  return body;
}
const enc = encodeURIComponent;

// ---- session and sign-in ----
async function loadSession() {
  try {
    state.session = await api('/session');
  } catch (e) {
    if (e.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      state.session = await api('/session');
      showSignIn('The stored token was refused; sign in again.');
    } else throw e;
  }
  const s = state.session;
  $('who').textContent = s.signedIn ? 'signed in' : s.mayRead ? 'read-only' : 'signed out';
  $('signin-open').hidden = s.signedIn;
  $('signout').hidden = !s.signedIn;
  return s;
}
function showSignIn(message) {
  $('signin').hidden = false;
  $('signin-error').textContent = message || '';
  $('token').focus();
}
function setupSignIn() {
  $('signin-open').addEventListener('click', () => showSignIn(''));
  $('signin-cancel').addEventListener('click', () => { $('signin').hidden = true; });
  $('signout').addEventListener('click', async () => {
    sessionStorage.removeItem(TOKEN_KEY);
    await start();
  });
  $('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const given = $('token').value.trim();
    const res = await fetch('/api/v1/session', { headers: { Authorization: 'Bearer ' + given }, cache: 'no-store' });
    if (res.status === 401) {
      $('signin-error').textContent = 'The token was refused.';
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, given);
    $('token').value = '';
    $('signin').hidden = true;
    await start();
  });
}
function writeBlocked() {
  const s = state.session;
  return s && s.mayWrite ? null : (s && s.whyNotWrite) || 'sign in with the API token to act';
}

// ---- live updates: one stream per tab, read with fetch() so the token goes in a header ----
async function followStream() {
  if (state.streamAbort) state.streamAbort.abort();
  const abort = new AbortController();
  state.streamAbort = abort;
  let retry = 2000;
  while (!abort.signal.aborted) {
    try {
      const res = await fetch('/api/v1/stream', { headers: headers({ Accept: 'text/event-stream' }), cache: 'no-store', signal: abort.signal });
      if (res.status === 401) { setLive(false, 'signed out'); showSignIn('Sign in to follow live updates.'); return; }
      if (!res.ok || !res.body) throw new Error('stream answered ' + res.status);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const ev = parseEvent(block);
          if (ev.name === 'hello') { retry = ev.data.retryMillis || retry; setLive(true); showPreviewCount(ev.data.previews); refresh(); }
          else if (ev.name === 'app') onApp(ev.data);
          else if (ev.name === 'previews') onPreviews(ev.data.open);
          else if (ev.name === 'removed') onRemoved(ev.data.name);
        }
      }
    } catch (e) {
      if (abort.signal.aborted) return;
    }
    setLive(false, 'reconnecting…');
    await new Promise((r) => setTimeout(r, retry));
  }
}
function parseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    if (line.startsWith('event: ')) name = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  return { name, data: data.length ? JSON.parse(data.join('\n')) : null };
}
function setLive(on, text) {
  const live = $('live');
  live.className = 'live ' + (on ? 'on' : 'off');
  live.textContent = on ? 'live' : text || 'offline';
}
function onApp(row) {
  if (state.view && state.view.kind === 'overview') {
    const tr = state.rows.get(row.name);
    if (tr) tr.replaceWith(rowElement(row));
    scheduleRefresh(1500);
  } else if (state.view && state.view.kind === 'app' && state.view.name === row.name) {
    renderHeadline(row);
    scheduleRefresh(300);
  }
}
function onPreviews(open) {
  showPreviewCount(open);
  if (state.view && state.view.kind === 'previews') scheduleRefresh(0);
}
function showPreviewCount(open) {
  const link = $('nav-previews');
  if (link && typeof open === 'number') link.textContent = 'Previews (' + open + ')';
}
function onRemoved(name) {
  if (state.view && state.view.kind === 'overview' && state.rows.has(name)) scheduleRefresh(0);
}
function scheduleRefresh(delay) {
  if (state.reloadTimer) return;
  state.reloadTimer = setTimeout(() => { state.reloadTimer = null; refresh(); }, delay);
}

// ---- routing: #/ is the overview, #/app/NAME an application ----
function route() {
  const hash = location.hash || '#/';
  const m = hash.match(/^#\/app\/([^?]+)/);
  if (m) return { kind: 'app', name: decodeURIComponent(m[1]) };
  if (hash === '#/previews') return { kind: 'previews' };
  const params = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  return { kind: 'overview', params };
}
async function refresh() {
  const view = route();
  state.view = view;
  try {
    if (view.kind === 'app') await renderApp(view.name);
    else if (view.kind === 'previews') await renderPreviews();
    else await renderOverview(view.params);
  } catch (e) {
    if (e.status !== 401) $('main').replaceChildren(el('p', { class: 'error', role: 'alert' }, 'Could not load: ' + e.message));
    else $('main').replaceChildren(el('p', { class: 'note' }, 'Sign in to see the applications.'));
  }
}

// ---- overview ----
async function renderOverview(params) {
  const query = new URLSearchParams();
  for (const key of ['name', 'namespace', 'cluster', 'sync', 'health', 'limit']) if (params.get(key)) query.set(key, params.get(key));
  const page = await api('/overview?' + query.toString());
  if (route().kind !== 'overview') return;
  const main = $('main');
  const counts = el('ul', { class: 'counts', 'aria-label': 'Applications by status' },
    el('li', {}, countButton('All', page.total, {})),
    ...SYNC_STATES.filter((s) => page.sync[s]).map((s) => el('li', {}, countButton(s, page.sync[s], { sync: s }))),
    ...HEALTH_STATES.filter((h) => page.health[h]).map((h) => el('li', {}, countButton(h, page.health[h], { health: h }))),
    page.syncing ? el('li', {}, el('span', { class: 'status s-Syncing' }, 'Syncing ' + page.syncing)) : null);
  const rows = el('tbody', {});
  state.rows = new Map();
  for (const row of page.rows) rows.append(rowElement(row));
  const shown = page.rows.length;
  const more = page.matched > shown
    ? el('p', { class: 'more' }, `Showing ${shown} of ${page.matched} matching applications. `,
        el('button', { type: 'button', onclick: () => go({ limit: String(Math.min(1000, shown * 2)) }) }, 'Show more'))
    : el('p', { class: 'note more' }, `${page.matched} of ${page.total} applications shown, what needs a look first.`);
  const focused = document.activeElement && document.activeElement.id;
  main.replaceChildren(
    el('h1', {}, 'Applications'),
    counts,
    filterForm(params),
    page.rows.length === 0 ? el('p', { class: 'note' }, 'No application matches.') :
      el('table', { id: 'apps' },
        el('caption', { class: 'visually-hidden' }, 'Applications, broken first'),
        el('thead', {}, el('tr', {}, ...['Name', 'Cluster', 'Namespace', 'Sync', 'Health', 'Revision', 'Last change', 'Message'].map((h) => el('th', { scope: 'col' }, h)))),
        rows),
    more);
  if (focused && $(focused)) $(focused).focus();
  performance.mark('capstan:overview-rendered');
}
function countButton(label, n, filter) {
  return el('button', { type: 'button', onclick: () => go(filter), 'aria-label': `${n} ${label}, show them` },
    el('span', { class: 'n' }, String(n)), label === 'All' ? 'All' : status(label));
}
function go(filter) {
  const params = new URLSearchParams(filter);
  location.hash = '#/' + (params.toString() ? '?' + params.toString() : '');
}
function filterForm(params) {
  const select = (name, values) => el('select', { id: 'f-' + name, name },
    el('option', { value: '' }, 'any'), ...values.map((v) => el('option', { value: v, selected: params.get(name) === v }, v)));
  const form = el('form', { class: 'filters', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const filter = {};
    for (const [k, v] of data.entries()) if (v) filter[k] = v;
    go(filter);
  } },
  el('label', {}, 'Name contains', el('input', { id: 'f-name', name: 'name', value: params.get('name') || '', type: 'search' })),
  el('label', {}, 'Namespace', el('input', { id: 'f-namespace', name: 'namespace', value: params.get('namespace') || '' })),
  el('label', {}, 'Cluster', el('input', { id: 'f-cluster', name: 'cluster', value: params.get('cluster') || '', placeholder: 'in-cluster' })),
  el('label', {}, 'Sync', select('sync', SYNC_STATES)),
  el('label', {}, 'Health', select('health', HEALTH_STATES)),
  el('button', { type: 'submit' }, 'Filter'),
  el('button', { type: 'button', onclick: () => go({}) }, 'Clear'));
  return form;
}
function rowElement(row) {
  const broken = row.health === 'Degraded' || row.health === 'Missing' || (row.readyReason && !row.ready);
  const tr = el('tr', { class: broken ? 'broken' : null, 'data-app': row.name },
    el('td', {}, el('a', { href: '#/app/' + enc(row.name) }, row.name)),
    el('td', { class: 'cluster' }, row.cluster || 'in-cluster'),
    el('td', {}, row.namespace || ''),
    el('td', { class: 'sync' }, row.syncing ? status('Syncing') : status(row.sync), row.suspended ? [' ', status('Suspended')] : null),
    el('td', { class: 'health' }, status(row.health)),
    el('td', { class: 'mono' }, shortSha(row.revision)),
    el('td', {}, when(row.lastChange)),
    el('td', { class: 'msg' }, row.message || ''));
  state.rows.set(row.name, tr);
  return tr;
}

// ---- application page ----
async function renderApp(name) {
  const path = '/applications/' + enc(name);
  // One part that cannot be read (the tree of an application whose cluster is unknown) says why in its place.
  const part = (p) => api(p).catch((e) => { if (e.status === 401) throw e; return { failed: e.message }; });
  const [app, history, tree, events, rows, window] = await Promise.all([api(path), part(path + '/history'), part(path + '/tree'),
    part(path + '/events'), api('/overview?limit=1000&name=' + enc(name)), part(path + '/window')]);
  const unreadable = (what, p) => (p && p.failed ? el('p', { class: 'error' }, 'Could not read the ' + what + ': ' + p.failed) : null);
  if (route().kind !== 'app' || route().name !== name) return;
  const row = rows.rows.find((r) => r.name === name);
  state.heldBecause = row ? row.heldBecause : null;
  const spec = app.spec || {};
  const st = app.status || {};
  // The deployed source: spec.source, or the one of spec.sources without a name (named ones only lend files).
  const source = spec.source || (spec.sources || []).find((x) => x && !x.name) || {};
  const main = $('main');
  const keepDiff = $('diff') && state.diffFor === name ? $('diff') : null;
  main.replaceChildren(
    el('p', {}, el('a', { href: '#/' }, '← All applications')),
    el('h1', {}, name),
    el('div', { id: 'headline', class: 'badges' }),
    actions(name, spec),
    el('h2', {}, 'Source'),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Repository'), el('dd', { class: 'mono' }, source.repoURL || ''),
      source.chart ? [el('dt', {}, 'Chart'), el('dd', { class: 'mono' }, source.chart)]
        : [el('dt', {}, 'Path'), el('dd', { class: 'mono' }, source.path || '(root)')],
      el('dt', {}, source.chart ? 'Version' : 'Ref'), el('dd', { class: 'mono' }, source.ref || (source.chart ? '(newest)' : '(remote HEAD)')),
      el('dt', {}, source.chart ? 'Deployed' : 'Commit'), el('dd', { class: 'mono' }, commitLink(source.repoURL, st.sync && st.sync.revision)),
      el('dt', {}, 'Cluster'), el('dd', { class: 'mono', id: 'cluster' }, (spec.destination || {}).cluster || 'in-cluster'),
      el('dt', {}, 'Namespace'), el('dd', { class: 'mono' }, (spec.destination || {}).namespace || ''),
      el('dt', {}, 'Sync window'), el('dd', { id: 'window' }, unreadable('sync window', window) || windowInForce(window), el('br'), el('span', { class: 'note' }, windows(spec)))),
    el('h2', {}, 'Conditions'),
    conditionsTable(st.conditions || []),
    el('h2', {}, 'Objects'),
    unreadable('objects', tree) || (tree.length ? el('ul', { class: 'tree', id: 'tree' }, ...tree.map(treeNode)) : el('p', { class: 'note' }, 'Nothing deployed yet.')),
    el('h2', {}, 'Live diff'),
    el('p', { class: 'note' }, 'What a sync would change now, Git against the cluster. Secrets are masked. ',
      el('button', { type: 'button', id: 'diff-refresh', onclick: () => loadDiff(name) }, 'Compare again')),
    keepDiff || el('pre', { class: 'diff', id: 'diff', tabindex: '0', 'aria-label': 'Live diff' }, 'comparing…'),
    el('h2', {}, 'History'),
    unreadable('history', history) || historyTable(name, history),
    el('h2', {}, 'Recent events'),
    unreadable('events', events) || eventsTable(events, state.session && !state.session.whyNoSuspend));
  if (row) renderHeadline(row);
  if (!keepDiff || state.diffRevision !== (st.sync && st.sync.revision)) loadDiff(name);
  state.diffFor = name;
  state.diffRevision = st.sync && st.sync.revision;
}
function renderHeadline(row) {
  const box = $('headline');
  if (!box) return;
  box.replaceChildren(...[
    el('span', {}, 'Sync: ', row.syncing ? status('Syncing') : status(row.sync)),
    el('span', {}, 'Health: ', status(row.health)),
    row.suspended ? el('span', {}, status('Suspended')) : null,
    row.revision ? el('span', { class: 'mono' }, 'at ' + shortSha(row.revision)) : null,
    row.message ? el('span', { class: 'why' }, row.message) : null].filter(Boolean));
}
function actions(name, spec) {
  const blocked = writeBlocked();
  const button = (label, id, onclick, extra) => el('button', Object.assign({ type: 'button', id, onclick, disabled: !!blocked,
    title: blocked || null, 'aria-describedby': blocked ? 'act-why' : null }, extra || {}), label);
  const result = el('span', { id: 'act-result', role: 'status', class: 'why' });
  const sync = async (override) => {
    result.textContent = 'asking for a sync…';
    try {
      await api('/applications/' + enc(name) + '/sync', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ overrideSyncWindows: override }) });
      result.textContent = 'sync queued';
    } catch (e) { result.textContent = 'sync refused: ' + e.message; }
  };
  // Suspend and resume set spec.suspend on the Application resource, as flux suspend does; an agent
  // reading its Applications from files cannot, and says where to change it instead.
  const suspendWhy = blocked || (state.session && state.session.whyNoSuspend) || null;
  const suspend = async () => {
    const verb = spec.suspend ? 'resume' : 'suspend';
    result.textContent = verb === 'suspend' ? 'suspending…' : 'resuming…';
    try {
      await api('/applications/' + enc(name) + '/' + verb, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      result.textContent = verb === 'suspend' ? 'spec.suspend set: no sync runs until resumed' : 'spec.suspend cleared: syncs run again';
      scheduleRefresh(300);
    } catch (e) { result.textContent = verb + ' refused: ' + e.message; }
  };
  return el('div', { class: 'actions' },
    button('Sync', 'sync', () => sync(false), { class: 'primary' }),
    state.heldBecause ? button('Sync, overriding the sync window', 'sync-override', () => sync(true)) : null,
    el('button', { type: 'button', id: 'suspend', disabled: !!suspendWhy, title: suspendWhy, onclick: suspend,
      'aria-describedby': suspendWhy ? 'suspend-why' : null }, spec.suspend ? 'Resume' : 'Suspend'),
    blocked ? el('span', { id: 'act-why', class: 'why' }, 'Read-only: ' + blocked + '.') : null,
    suspendWhy && !blocked ? el('span', { id: 'suspend-why', class: 'why' }, 'Suspend: ' + suspendWhy + '.') : null,
    el('span', { class: 'why' }, 'A sync prunes what the chart no longer renders, as a Helm upgrade does.'),
    result);
}
function windows(spec) {
  const list = spec.syncWindows || [];
  if (!list.length) return 'No window: automated syncs may run at any time.';
  return 'Windows: ' + list.map((w) => `${w.kind} "${w.schedule}" for ${w.duration}${w.timeZone ? ' (' + w.timeZone + ')' : ''}`).join('; ') + '.';
}
function windowInForce(w) {
  const until = w.until ? ['until ', el('time', { datetime: w.until, title: w.until }, new Date(w.until).toLocaleString()), ' (', when(w.until), ')'] : [];
  if (w.allowed) {
    return el('span', { class: 'window-now' }, status('Allowed'), ' Automated syncs may run now', until.length ? [' ', until] : '', '.');
  }
  return el('span', { class: 'window-now' }, status('Held'), ' Automated syncs are held now: ' + w.heldBecause, until.length ? ['; ', until] : '', '.');
}
function commitLink(repoURL, sha) {
  if (!sha) return 'not fetched yet';
  const web = webUrl(repoURL || '');
  if (!web || !/^[0-9a-f]{40}$/.test(sha)) return sha;
  const path = web.host === 'gitlab.com' ? '/-/commit/' : web.host === 'bitbucket.org' ? '/commits/' : '/commit/';
  return el('a', { href: 'https://' + web.host + '/' + web.repo + path + sha, rel: 'noopener noreferrer', target: '_blank' }, sha);
}
// A browsable https address for repositories on hosts whose commit pages are known; nothing for file://, unknown hosts or odd forms.
function webUrl(url) {
  const known = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org'];
  let m = url.match(/^https:\/\/(?:[^@/]+@)?([A-Za-z0-9.-]+)\/([A-Za-z0-9._\/-]+?)(?:\.git)?\/?$/);
  if (!m) m = url.match(/^(?:ssh:\/\/)?git@([A-Za-z0-9.-]+)[:/]([A-Za-z0-9._\/-]+?)(?:\.git)?$/);
  if (!m || !known.includes(m[1].toLowerCase()) || m[2].includes('..')) return null;
  return { host: m[1].toLowerCase(), repo: m[2] };
}
function conditionsTable(conditions) {
  if (!conditions.length) return el('p', { class: 'note' }, 'None reported yet.');
  return el('table', { id: 'conditions' },
    el('thead', {}, el('tr', {}, ...['Type', 'Status', 'Reason', 'Message', 'Since'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...conditions.map((c) => el('tr', {},
      el('td', {}, c.type), el('td', {}, status(c.status)), el('td', {}, c.reason || ''), el('td', { class: 'msg' }, c.message || ''),
      el('td', {}, when(c.lastTransitionTime))))));
}
function treeNode(node) {
  return el('li', { 'data-kind': node.kind, 'data-name': node.name },
    el('span', { class: 'kind' }, node.kind + ' '), el('strong', {}, node.name), ' ', status(node.health),
    node.managed ? null : el('span', { class: 'derived' }, ' (made by the cluster)'),
    node.message ? el('span', { class: 'why' }, ' — ' + node.message) : null,
    node.children && node.children.length ? el('ul', {}, ...node.children.map(treeNode)) : null);
}
// One span per line of a unified diff, classed by what the line is; text only.
function diffLines(lines) {
  return lines.map((line) => el('span', { class: line.startsWith('+++') || line.startsWith('---') || line.startsWith('@@') ? 'hdr'
    : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : null }, line || ' '));
}
async function loadDiff(name) {
  const pre = $('diff');
  if (!pre) return;
  try {
    const res = await fetch('/api/v1/applications/' + enc(name) + '/diff?format=text', { headers: headers(), cache: 'no-store' });
    const text = await res.text();
    if (!res.ok) throw new Error(text);
    const lines = text.split('\n');
    pre.replaceChildren(...diffLines(text.trim() ? lines : ['no difference: the cluster matches Git']));
  } catch (e) {
    let msg = e.message;
    try { msg = JSON.parse(msg).error; } catch (ignored) { /* not JSON */ }
    pre.replaceChildren('could not compare: ' + msg);
  }
}
function historyTable(name, history) {
  if (!history.length) return el('p', { class: 'note' }, 'No revision yet.');
  const blocked = writeBlocked();
  const result = el('p', { id: 'rollback-result', role: 'status', class: 'why' });
  const rollback = async (revision) => {
    if (!confirm(`Roll ${name} back to revision ${revision}? It is applied now as a new revision.`)) return;
    result.textContent = `rolling back to revision ${revision}…`;
    try {
      const entry = await api('/applications/' + enc(name) + '/rollback', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ revision }) });
      result.textContent = `revision ${revision} is live again as revision ${entry.revision}`;
      scheduleRefresh(0);
    } catch (e) { result.textContent = 'rollback refused: ' + e.message; }
  };
  return el('div', {},
    el('table', { id: 'history' },
      el('thead', {}, el('tr', {}, ...['Revision', 'Commit', 'Deployed', 'Result', ''].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...history.map((h, i) => el('tr', { 'data-revision': h.revision },
        el('td', {}, String(h.revision)), el('td', { class: 'mono' }, shortSha(h.gitRevision)), el('td', {}, when(h.deployedAt)),
        el('td', {}, h.status),
        el('td', {}, i === 0 ? el('span', { class: 'note' }, 'current') : el('button', { type: 'button', class: 'rollback',
          disabled: !!blocked, title: blocked || null, onclick: () => rollback(h.revision),
          'aria-label': `Roll back to revision ${h.revision}` }, 'Rollback')))))),
    result);
}
function eventsTable(events, fromCluster) {
  const source = fromCluster ? 'Events on the Application resource, as kubectl describe shows them.'
    : 'Events this agent recorded since it started.';
  if (!events.length) return el('p', { class: 'note', id: 'events-none' }, 'None yet. ' + source);
  return el('table', { id: 'events' },
    el('caption', { class: 'note' }, source),
    el('thead', {}, el('tr', {}, ...['When', 'Type', 'Reason', 'Message'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...events.map((e) => el('tr', {},
      el('td', {}, when(e.time)), el('td', {}, e.type), el('td', {}, e.reason), el('td', { class: 'msg' }, e.message)))));
}

// ---- previews of pull requests: what each would do to the cluster ----
async function renderPreviews() {
  const previews = await api('/previews');
  if (route().kind !== 'previews') return;
  showPreviewCount(previews.length);
  $('main').replaceChildren(
    el('p', {}, el('a', { href: '#/' }, '← All applications')),
    el('h1', {}, 'Previews'),
    el('p', { class: 'note' }, 'Open pull requests and what merging each would do to the cluster, from a server-side dry run. Nothing is written for a preview.'),
    previews.length ? el('div', { id: 'previews' }, ...previews.map(previewSection))
      : el('p', { class: 'note', id: 'previews-none' }, 'No open pull request touches an application with previews on.'));
}
function previewSection(pr) {
  const failed = pr.applications.some((a) => a.error);
  const title = '#' + pr.number + ' ' + (pr.title || '');
  return el('section', { class: 'preview', 'data-pr': pr.repository + '#' + pr.number },
    el('h2', {}, safeLink(pr.url, title)),
    el('p', { class: 'note' }, pr.repository + ' into ' + (pr.baseBranch || '?') + ' at ', el('span', { class: 'mono' }, shortSha(pr.headCommit)),
      ', previewed ', when(pr.previewedAt), ' ', status(failed ? 'Failed' : 'Ok')),
    el('table', { class: 'preview-apps' },
      el('thead', {}, el('tr', {}, ...['Application', 'Result', 'Create', 'Change', 'Delete', 'Error'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...pr.applications.map((a) => el('tr', { 'data-app': a.application },
        el('td', {}, el('a', { href: '#/app/' + enc(a.application) }, a.application)),
        el('td', { class: 'result' }, status(a.error ? 'Failed' : 'Ok')),
        el('td', { class: 'create' }, String(a.create)), el('td', { class: 'change' }, String(a.change)),
        el('td', { class: 'delete' }, String(a.delete)), el('td', { class: 'msg' }, a.error || ''))))),
    ...pr.applications.filter((a) => a.diff).map((a) => el('details', {},
      el('summary', {}, 'Diff of ' + a.application),
      el('pre', { class: 'diff' }, ...diffLines(a.diff.split('\n'))))));
}
// Only http(s) addresses from a webhook become links; anything else is shown as text.
function safeLink(url, text) {
  return /^https?:\/\//i.test(url || '') ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, text) : el('span', {}, text);
}

// ---- start ----
async function start() {
  $('signin').hidden = true;
  const session = await loadSession();
  if (!session.mayRead) {
    setLive(false, 'signed out');
    $('main').replaceChildren(el('p', { class: 'note' }, 'Sign in with the API token to see the applications.'));
    showSignIn('');
    return;
  }
  followStream();
}
window.addEventListener('hashchange', () => { state.diffFor = null; refresh(); $('main').focus(); });
document.addEventListener('DOMContentLoaded', () => {
  setupSignIn();
  start().catch((e) => $('main').replaceChildren(el('p', { class: 'error', role: 'alert' }, 'Could not reach the agent: ' + e.message)));
});
