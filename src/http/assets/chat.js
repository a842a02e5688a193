// The web chat: `<script src="https://…/chat.js" data-lang="vi" defer></script>` puts a chat button on any page
// (ours, or another site's listed in CHAT_ALLOWED_ORIGINS); its panel talks to POST /api/chat on the server the
// script came from. A shadow root keeps the host page's CSS out; server text is only ever set as textContent.
(function () {
  'use strict';
  // The server puts the chat's words here (chat-web-* in content/locales), in Vietnamese and English.
  const STRINGS = /* strings */ null;
  const script = document.currentScript;
  if (!script || !STRINGS || window.langngheChat) return;
  window.langngheChat = true;

  const source = new URL(script.src, location.href);
  const api = new URL('/api/chat', source).href;
  const lang = String(script.dataset.lang || document.documentElement.lang || '')
    .toLowerCase()
    .startsWith('en')
    ? 'en'
    : 'vi';
  const say = (id) => STRINGS[lang][id];
  const TOKEN_KEY = `langnghe-chat:${source.origin}`;
  const LOG_KEY = `langnghe-chat-log:${source.origin}`;
  const KEEP = 40;

  // Storage may be refused (private modes, sandboxed frames, where even reading window.localStorage throws): the chat
  // still works, it just forgets.
  const store = (area, key, value) => {
    try {
      if (value === undefined) return window[area].getItem(key);
      window[area].setItem(key, value);
    } catch {
      return null;
    }
  };

  const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; display: flex; align-items: center; gap: 6px; min-height: 48px;
  padding: 12px 18px; border: 0; border-radius: 999px; background: #9a3412; color: #fff; font: 600 16px/1.2 system-ui, sans-serif;
  box-shadow: 0 2px 10px rgba(0,0,0,.3); cursor: pointer; }
.panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483001; display: flex; flex-direction: column; width: min(26rem, calc(100vw - 32px));
  height: min(40rem, calc(100vh - 32px)); overflow: hidden; border-radius: 12px; background: #fff; color: #1c1917;
  font: 15px/1.45 system-ui, sans-serif; text-align: left; box-shadow: 0 8px 32px rgba(0,0,0,.35); }
.panel[hidden] { display: none; }
@media (max-width: 480px) { .panel { right: 0; bottom: 0; width: 100vw; height: 100%; border-radius: 0; } }
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 6px 6px 6px 14px; background: #9a3412; color: #fff; }
h2 { margin: 0; font-size: 16px; font-weight: 700; }
.close { width: 44px; height: 44px; border: 0; border-radius: 8px; background: transparent; color: #fff; font-size: 26px; line-height: 1; cursor: pointer; }
.log { flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 10px; padding: 12px; background: #f5f5f4; }
.msg { max-width: 94%; }
.bot { align-self: stretch; max-width: 100%; }
.me { align-self: flex-end; padding: 8px 12px; border-radius: 12px 12px 2px 12px; background: #9a3412; color: #fff; white-space: pre-wrap; overflow-wrap: anywhere; }
.text { width: fit-content; max-width: 100%; padding: 8px 12px; border: 1px solid #e7e5e4; border-radius: 12px 12px 12px 2px; background: #fff; white-space: pre-line; overflow-wrap: anywhere; }
.note { color: #44403c; font-style: italic; }
.cards { display: grid; gap: 6px; margin: 6px 0 0; padding: 0; list-style: none; }
.card { display: block; width: 100%; padding: 8px 10px; border: 1px solid #d6d3d1; border-radius: 10px; background: #fff; color: #1c1917;
  font: inherit; text-align: left; text-decoration: none; cursor: pointer; }
.card small { display: block; color: #57534e; }
.card img { display: block; width: 100%; aspect-ratio: 16 / 9; margin-bottom: 6px; border-radius: 6px; object-fit: cover; background: #e7e5e4; }
.row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.btn { flex: 1 1 auto; display: inline-flex; align-items: center; justify-content: center; min-height: 40px; padding: 6px 10px; border: 1px solid #9a3412;
  border-radius: 8px; background: #fff; color: #9a3412; font: inherit; text-decoration: none; cursor: pointer; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e7e5e4; background: #fff; }
input { flex: 1; min-width: 0; padding: 10px; border: 1px solid #78716c; border-radius: 8px; background: #fff; color: #1c1917; font: inherit; }
.send { flex: 0 0 auto; background: #9a3412; color: #fff; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
button:focus-visible, a:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
`;

  /** An element with properties, attributes, listeners and children; text only ever as textContent. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  // Only web links open: a link of another kind (javascript:…) is never made clickable.
  const safeUrl = (url) => {
    try {
      const parsed = new URL(url, source);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
    } catch {
      return undefined;
    }
  };
  const link = (url, props, ...children) => {
    const href = safeUrl(url);
    if (!href) return el('span', props, ...children);
    const away = new URL(href).origin !== location.origin;
    return el('a', { ...props, href, target: away ? '_blank' : undefined, rel: away ? 'noopener noreferrer' : undefined }, ...children);
  };

  function start() {
    const host = el('div', { 'data-langnghe-chat': '' });
    const root = host.attachShadow({ mode: 'open' });
    // A constructed style sheet is not an inline style: it works under the host page's strict CSP too.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      root.append(el('style', { text: CSS }));
    }

    const launcher = el(
      'button',
      {
        type: 'button',
        class: 'launcher',
        'aria-haspopup': 'dialog',
        'aria-expanded': 'false',
        'aria-controls': 'panel',
        onclick: () => (panel.hidden ? open() : close()),
      },
      el('span', { 'aria-hidden': 'true', text: '💬' }),
      el('span', { text: say('open') }),
    );
    // Focusable, so the conversation scrolls from the keyboard too.
    const log = el('div', { class: 'log', role: 'log', 'aria-label': say('log'), tabindex: '0' });
    const input = el('input', { id: 'question', type: 'text', maxlength: '2000', autocomplete: 'off', placeholder: say('placeholder') });
    const form = el(
      'form',
      { onsubmit: onSubmit },
      el('label', { class: 'sr', for: 'question', text: say('input') }),
      input,
      el('button', { type: 'submit', class: 'btn send', text: say('send') }),
    );
    const panel = el(
      'div',
      { id: 'panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'title', hidden: true, onkeydown: (e) => e.key === 'Escape' && close() },
      el(
        'div',
        { class: 'head' },
        el('h2', { id: 'title', text: say('title') }),
        el('button', { type: 'button', class: 'close', 'aria-label': say('close'), text: '×', onclick: close }),
      ),
      log,
      form,
    );
    root.append(launcher, panel);
    document.body.append(host);

    let busy = false;

    function open() {
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      if (!log.children.length) {
        add({ bot: { text: say('greeting') } });
        send({ action: 'menu' });
      }
      input.focus();
    }

    function close() {
      panel.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }

    function onSubmit(event) {
      event.preventDefault();
      const text = input.value.trim();
      if (!text || busy) return;
      input.value = '';
      add({ me: text });
      send({ text });
    }

    /** A message in the log: the visitor's words, or a reply with its cards and buttons. */
    function render(entry) {
      if (entry.me !== undefined) return el('div', { class: 'msg me', text: entry.me });
      const reply = entry.bot;
      const node = el('div', { class: 'msg bot' });
      if (reply.text) node.append(el('div', { class: `text${entry.note ? ' note' : ''}`, tabindex: '-1', text: reply.text }));
      if (reply.cards && reply.cards.length) node.append(el('ul', { class: 'cards' }, ...reply.cards.map((card) => el('li', {}, renderCard(card, node)))));
      for (const row of reply.buttons || []) node.append(el('div', { class: 'row' }, ...row.map((button) => renderButton(button, node))));
      node.entry = entry;
      return node;
    }

    function renderCard(card, message) {
      const parts = [];
      if (card.image) {
        const img = el('img', { src: safeUrl(card.image.url), alt: '', loading: 'lazy' });
        // A picture that does not load (or that the host page's policies refuse) leaves the words alone.
        img.addEventListener('error', () => img.remove());
        parts.push(img);
      }
      parts.push(el('span', { text: card.title }));
      if (card.text) parts.push(el('small', { text: card.text }));
      if (card.action) return el('button', { type: 'button', class: 'card', onclick: () => send({ action: card.action }, message) }, ...parts);
      if (card.url) return link(card.url, { class: 'card' }, ...parts);
      return el('div', { class: 'card' }, ...parts);
    }

    function renderButton(button, message) {
      if (button.request === 'location') return el('button', { type: 'button', class: 'btn', text: button.label, onclick: nearMe });
      if (button.url) return link(button.url, { class: 'btn', text: button.label });
      return el('button', { type: 'button', class: 'btn', text: button.label, onclick: () => send({ action: button.action }, message) });
    }

    /** Adds a message at the end, or in place of `replaced` (a list paged in place). */
    function add(entry, replaced) {
      const node = render(entry);
      if (replaced && replaced.isConnected) replaced.replaceWith(node);
      else log.append(node);
      log.scrollTop = Math.max(0, node.offsetTop - log.offsetTop - 8);
      return node;
    }

    function remember() {
      const entries = Array.from(log.children, (node) => node.entry).filter((entry) => entry && !entry.thinking);
      store('sessionStorage', LOG_KEY, JSON.stringify(entries.slice(-KEEP)));
    }

    function nearMe() {
      if (!navigator.geolocation) return note('location-unsupported');
      navigator.geolocation.getCurrentPosition(
        (position) => send({ location: { lat: position.coords.latitude, lon: position.coords.longitude } }),
        () => note('location-denied'),
        { timeout: 15000, maximumAge: 300000 },
      );
    }

    function note(id) {
      add({ bot: { text: say(id) }, note: true });
      remember();
    }

    /** Sends one message; the replies go at the end, or a paged list replaces the message whose button was pressed. */
    async function send(message, from) {
      if (busy) return;
      busy = true;
      log.setAttribute('aria-busy', 'true');
      const thinking = add({ bot: { text: say('thinking') }, note: true, thinking: true });
      let failure;
      try {
        const conversation = store('localStorage', TOKEN_KEY) || undefined;
        const response = await fetch(api, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...message, conversation, lang }),
          credentials: 'omit',
        });
        thinking.remove();
        if (!response.ok) failure = response.status === 429 ? 'busy' : 'error';
        else {
          const answer = await response.json();
          if (answer.conversation) store('localStorage', TOKEN_KEY, answer.conversation);
          let first;
          for (const reply of answer.replies || []) {
            const node = add({ bot: reply }, reply.edit ? from : undefined);
            if (reply.edit) from = undefined;
            first = first || node;
          }
          if (first) log.scrollTop = Math.max(0, first.offsetTop - log.offsetTop - 8);
          // The pressed button went with the page it was on: focus goes to the new page, not to the top of the document.
          if (first && !root.activeElement) first.querySelector('.text, button, a')?.focus();
        }
      } catch {
        thinking.remove();
        failure = 'error';
      } finally {
        busy = false;
        log.removeAttribute('aria-busy');
      }
      if (failure) note(failure);
      remember();
    }

    // The conversation so far, when the visitor moves to another page of the site.
    try {
      for (const entry of JSON.parse(store('sessionStorage', LOG_KEY) || '[]')) add(entry);
    } catch {
      log.textContent = '';
    }
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
