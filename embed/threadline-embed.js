// Threadline's embed loader: one <script type="module"> tag on a host page.
// It loads the widget (threadline.js + threadline_bg.wasm, next to this
// file; threadline-policy.wasm only once a reader writes), defines <threadline-thread>, and exposes Threadline.mount().
// tools/embed-bundle.sh adds the build's version to the four URLs below
// (`?v=<hash>`), so a browser may keep those files for good.

const here = new URL('.', import.meta.url);
// The wasm is asked for at once, beside its glue, rather than by the glue
// once it has arrived (as a static import would have it): one round trip
// fewer before the widget can start.
const wasm = fetch(new URL('threadline_bg.wasm', here));
// A failure is reported through `ready`, once the glue takes the answer.
wasm.catch(() => {});
const ready = import('./threadline.js').then(async (glue) => {
  await glue.default({ module_or_path: wasm });
  return glue;
});
// Each widget reports a failed load in its own element (`failed`).
ready.catch(() => {});
const stylesheet = new URL('threadline.css', here).href;
// Asked for now too: each widget links it in its shadow root only when it
// mounts, and a slow link would otherwise show the thread unstyled until the
// sheet came. One <link rel="preload"> in the head, the host's styles untouched.
try {
  const preload = document.createElement('link');
  preload.rel = 'preload';
  preload.as = 'style';
  preload.href = stylesheet;
  document.head.append(preload);
} catch { /* no head: the widget still links the sheet itself */ }
// The policy check, fetched by the widget only once a reader starts to write.
const policyModule = new URL('threadline-policy.wasm', here).href;

// Attribute names are the config keys, dashed: policy-text → policy_text.
const ATTRIBUTES = ['thread', 'preset', 'base', 'backend', 'lang', 'theme', 'policy-title', 'policy-text', 'poll-ms', 'top', 'replies', 'depth', 'description'];
const NUMBERS = new Set(['poll_ms', 'top', 'replies', 'depth']);

// A mistake in an attribute is shown in the element, never turned into a default.
function configOf(el) {
  const config = { stylesheet, policy_module: policyModule };
  for (const name of ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    const key = name.replace(/-/g, '_');
    if (NUMBERS.has(key)) {
      if (!/^\s*\d+\s*$/.test(value)) throw new Error(`${name}="${value}" is not a whole number`);
      config[key] = Number(value);
    } else if (key === 'description') {
      try {
        config[key] = JSON.parse(value);
      } catch (e) {
        throw new Error(`description is not valid JSON (${e.message})`);
      }
    } else {
      config[key] = value;
    }
  }
  // The page's own address is the natural thread id.
  config.thread ??= location.pathname;
  return config;
}

// The first page of comments, asked for and read while the wasm loads, for the
// reference server's preset (the only one whose URLs this file knows); the
// widget takes it only if it would ask for exactly this URL
// (src/backend/prefetch.rs), anything else is left unused.
function prefetch(config) {
  try {
    // Without a thread there is nothing to ask for (mount() says what is missing).
    if (typeof config.thread !== 'string' || !config.thread.trim()) return;
    if (config.backend === 'local' || config.description || (config.preset ?? 'threadline') !== 'threadline') return;
    if (location.hash.startsWith('#c-')) return;
    const sort = (localStorage.getItem('threadline:sort') || 'oldest').split(' ');
    if (!sort[0].startsWith('oldest')) return;
    const id = encodeURIComponent(config.thread ?? '').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    // No more than the preset's pages of 200 (threadline_sync::answers::first_page_url).
    const top = Number.isFinite(config.top) ? Math.min(200, Math.max(1, Math.floor(config.top))) : 20;
    const whole = (v, d) => (Number.isFinite(v) ? Math.min(4294967295, Math.max(0, Math.floor(v))) : d);
    // Only the replies the first screen shows, when they are sorted oldest first (threadline_core::FirstScreen).
    const cut = sort[1] === 'newest' || sort[1] === 'most-liked' ? ''
      : `&replies=${whole(config.replies, 3)}&depth=${Math.max(1, whole(config.depth, 6))}`;
    // At most 15 comments a thread, as the widget asks (threadline_sync::answers::FIRST_SCREEN_COMMENTS).
    const url = `${(config.base ?? '').replace(/\/+$/, '')}/api/comments?thread=${id}&limit=${top}&max=${top * 15}${cut}`;
    const started = (window.__threadlinePrefetch ??= {});
    if (started[url]) return;
    started[url] = fetch(url, { signal: AbortSignal.timeout(15000) })
      .then((r) => r.arrayBuffer().then((b) => ({ status: r.status, etag: r.headers.get('etag'), bytes: new Uint8Array(b) })));
    started[url].catch(() => { /* the widget asks again and reports */ });
  } catch { /* storage or fetch unavailable: the widget asks itself */ }
}

// Said in an empty element while the widget's files load: a host page would
// otherwise show nothing there, then the thread all at once. Taken out just
// before mounting. In the widget's languages (threadline_i18n's
// LoadingComments; a test in that crate keeps the three the same).
const LOADING = { en: 'Loading comments…', hy: 'Մեկնաբանությունները բեռնվում են…', ru: 'Загрузка комментариев…' };

/** The widget's language for `element`, as src/embed.rs picks it (threadline_i18n's Lang::from_tag). */
function langOf(element, config) {
  const tag = String(config.lang ?? element.closest('[lang]')?.getAttribute('lang') ?? '');
  const primary = tag.trim().split(/[-_]/)[0].toLowerCase();
  if (['hy', 'hye', 'hyw'].includes(primary)) return 'hy';
  return ['ru', 'rus'].includes(primary) ? 'ru' : 'en';
}

/** A "Loading comments…" line in `element`, unless it holds something already (the host's own words). */
function showLoading(element, config) {
  try {
    if (element.children.length || element.textContent.trim()) return;
    const line = document.createElement('p');
    line.className = 'threadline-loading';
    line.setAttribute('role', 'status');
    line.textContent = LOADING[langOf(element, config)];
    element.append(line);
  } catch { /* not an element: mount() says what is wrong */ }
}

/** Takes the line out again, whichever call put it there (an element moved while loading connects twice). */
function hideLoading(element) {
  for (const line of element?.querySelectorAll?.(':scope > .threadline-loading') ?? []) line.remove();
}

/** Says in `element` that the widget's own files could not be loaded. */
function failed(element, e) {
  element.textContent = `threadline: the widget could not be loaded (${e?.message ?? e})`;
  element.setAttribute('role', 'alert');
}

/** Mounts a thread into `element`; answers a handle with unmount(). */
export async function mountThread(element, config) {
  prefetch(config);
  showLoading(element, config ?? {});
  let glue;
  try {
    glue = await ready;
  } catch (e) {
    failed(element, e);
    throw e;
  }
  hideLoading(element);
  // Anything but an object (a JSON string, say) goes as it is, for mount() to name.
  const object = config !== null && typeof config === 'object' && !Array.isArray(config);
  return glue.mount(element, object ? { stylesheet, policy_module: policyModule, ...config } : config);
}

class ThreadlineThread extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  async connectedCallback() {
    const token = (this._token = {});
    let config;
    try {
      config = configOf(this);
    } catch (e) {
      // In the shadow root once the element has had a widget there (a changed
      // attribute), where light-DOM text would not show.
      const said = document.createElement('p');
      said.className = 'threadline-error'; // mounting with it mended takes it out
      said.setAttribute('role', 'alert');
      said.textContent = `threadline: ${e.message}`;
      (this.shadowRoot ?? this).replaceChildren(said);
      return;
    }
    prefetch(config);
    showLoading(this, config);
    let glue;
    try {
      glue = await ready;
    } catch (e) {
      if (this._token === token) failed(this, e);
      return;
    }
    // Removed (or moved) while the wasm was loading: nothing to do.
    if (this._token !== token || !this.isConnected || this._handle) return;
    hideLoading(this);
    try {
      this._handle = glue.mount(this, config);
    } catch (e) {
      console.error(e);
    }
  }

  disconnectedCallback() {
    this._token = null;
    this._handle?.unmount();
    this._handle = null;
  }

  // A page that changes an attribute (an app moving to another article, a
  // site's dark-mode switch) gets the widget again with the new value. What a
  // reader was writing is kept: drafts and unsent comments live in storage.
  // The attributes an element starts with reach this too, before it is
  // connected; those are read when it connects.
  attributeChangedCallback(name, before, after) {
    if (before === after || !this._token || !this.isConnected) return;
    this.disconnectedCallback();
    this.connectedCallback();
  }
}

if (!customElements.get('threadline-thread')) customElements.define('threadline-thread', ThreadlineThread);
window.Threadline = { mount: mountThread, ready };
