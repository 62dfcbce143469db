// The moderator's page (`/moderate`): held comments to approve or reject,
// the latest comments to delete, and their writers to block. It talks to
// `/api/moderation` (API.md) with the token the moderator types, kept for
// this tab only. Comment text and names are only ever set as text: nothing
// a reader wrote is parsed as HTML here either.
const KEY = 'threadline:moderator-token';
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem(KEY) ?? '';

/** An element with a class and text (as text, never markup). */
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function say(message, error = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', error);
}

class Unauthorized extends Error {}

async function api(method, path) {
  // Relative: the page may be served under a prefix, beside the API.
  const res = await fetch(`api/moderation/${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { /* a proxy's error page: said below by status */ }
  const message = body?.error?.message ?? `The server answered ${res.status}.`;
  if (res.status === 401) throw new Unauthorized(message);
  if (!res.ok) throw new Error(message);
  return body;
}

const when = (ms) => (typeof ms === 'number' ? new Date(ms).toLocaleString() : 'no time');

/** One comment of list `list` with the buttons that apply to it: [label, method, path, done message, ask first?]. */
function card(list, c, actions) {
  const li = el('li');
  // A comment can be in two lists (reported, and among the latest).
  li.id = `${list}-${c.id}`;
  const meta = el('p', 'meta');
  meta.append(el('strong', '', c.author || '—'), ` · ${c.thread} · ${when(c.created_ms)}`);
  if (c.parent) meta.append(` · reply to ${c.parent}`);
  if (c.reports > 0) meta.append(' ', el('span', 'mark', c.reports === 1 ? '1 report' : `${c.reports} reports`));
  // Blocked with someone else who wrote from the same address: said so.
  if (c.blocked) meta.append(' ', el('span', 'mark', c.blocked_by === 'address' ? 'address blocked' : 'writer blocked'));
  const bar = el('p', 'actions');
  for (const [label, method, path, done, ask] of actions) {
    const button = el('button', method === 'POST' && path.endsWith('/approve') ? 'primary' : '', label);
    button.type = 'button';
    button.addEventListener('click', () => act(button, method, path, done, ask));
    bar.append(button);
  }
  li.append(meta, el('p', 'body', c.body), bar);
  return li;
}

function block(c) {
  if (!c.blockable) return [];
  return c.blocked
    ? [[c.blocked_by === 'address' ? 'Unblock address' : 'Unblock writer', 'DELETE', `comments/${c.id}/block`, `${c.author} may write again.`]]
    : [['Block writer', 'POST', `comments/${c.id}/block`, `${c.author} can no longer post, edit, like or report.`, `Block ${c.author} from writing? Their browser and their address are blocked (everyone sharing that address too).`]];
}

function fill(list, comments, actions, empty) {
  const items = comments.map((c) => card(list, c, actions(c)));
  $(list).replaceChildren(...(items.length ? items : [el('li', 'empty', empty)]));
}

/** The held comments on screen, to tell when new ones wait. */
let shownHeld = [];

async function load() {
  if (!token) return;
  try {
    const [held, reported, recent, blocks] = await Promise.all(['held', 'reported', 'recent', 'blocks'].map((l) => api('GET', l)));
    shownHeld = held.comments.map((c) => c.id);
    fill('held', held.comments, (c) => [
      ['Approve', 'POST', `comments/${c.id}/approve`, 'Approved: every reader sees it now.'],
      ['Reject', 'POST', `comments/${c.id}/reject`, 'Rejected: it will never be shown.', 'Reject this comment for good?'],
      ...block(c),
    ], 'Nothing is waiting.');
    fill('reported', reported.comments, (c) => [
      ['Keep', 'DELETE', `comments/${c.id}/reports`, 'Kept: its reports are dismissed.'],
      ['Delete', 'DELETE', `comments/${c.id}`, 'Deleted.', 'Delete this comment?'],
      ...block(c),
    ], 'Nothing is reported.');
    fill('recent', recent.comments, (c) => [
      ['Delete', 'DELETE', `comments/${c.id}`, 'Deleted.', 'Delete this comment?'],
      ...block(c),
    ], 'No comments yet.');
    const items = blocks.blocks.map((b) => {
      const li = el('li');
      li.id = `b-${b.comment_id}`;
      li.append(el('p', 'meta', `${b.author || '—'} · blocked ${when(b.since_ms)} for comment ${b.comment_id}`));
      const bar = el('p', 'actions');
      const button = el('button', '', 'Unblock');
      button.type = 'button';
      button.addEventListener('click', () => act(button, 'DELETE', `comments/${b.comment_id}/block`, 'Unblocked: they may write again.'));
      bar.append(button);
      li.append(bar);
      return li;
    });
    $('blocks').replaceChildren(...(items.length ? items : [el('li', 'empty', 'Nobody is blocked.')]));
    $('held-title').textContent = `Awaiting moderation (${held.comments.length})`;
    signedIn(true);
  } catch (e) {
    if (e instanceof Unauthorized) signOut('That token is not the server\'s moderator token.');
    else say(e.message, true);
  }
}

async function act(button, method, path, done, ask) {
  if (ask && !confirm(ask)) return;
  button.disabled = true;
  try {
    await api(method, path);
    say(done);
  } catch (e) {
    say(e.message, true);
  }
  await load();
}

function signedIn(on) {
  $('sign-in').hidden = on;
  $('lists').hidden = !on;
  $('refresh').hidden = !on;
  $('sign-out').hidden = !on;
}

function signOut(message = '') {
  token = '';
  sessionStorage.removeItem(KEY);
  signedIn(false);
  say(message, Boolean(message));
}

$('sign-in').addEventListener('submit', (e) => {
  e.preventDefault();
  token = $('token').value.trim();
  sessionStorage.setItem(KEY, token);
  $('token').value = '';
  say('');
  load();
});
$('refresh').addEventListener('click', () => { say(''); load(); });
$('sign-out').addEventListener('click', () => signOut());
// New held comments arrive while the page is open. The lists are not
// redrawn by themselves: a card moving under the pointer could take a click
// meant for another. The moderator is told, and refreshes.
setInterval(async () => {
  if (!token || document.hidden) return;
  try {
    const held = await api('GET', 'held');
    if (held.comments.some((c) => !shownHeld.includes(c.id))) say('New comments await moderation: press Refresh.');
  } catch { /* said on the next refresh */ }
}, 30000);
load();
