// What every dashboard page shares: the token kept for this browser tab only, API calls that carry it, event
// streams read through fetch() (EventSource cannot send an Authorization header, and the token must never go into
// a URL or a cookie), and the diff view.
'use strict';

const aap = (() => {
  const KEY = 'aap.token';
  const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'NEEDS_HUMAN', 'NEEDS_INPUT', 'CANCELLED']);

  const token = () => sessionStorage.getItem(KEY);
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

  function withToken(headers) {
    const h = Object.assign({}, headers || {});
    const t = token();
    if (t) {
      h.Authorization = 'Bearer ' + t;
    }
    return h;
  }

  function flash(text) {
    const f = document.getElementById('flash');
    f.textContent = text || '';
    f.hidden = !text;
  }

  function showSession() {
    const signedIn = Boolean(token());
    document.getElementById('login').hidden = signedIn;
    document.getElementById('session').hidden = !signedIn;
  }

  function refused() {
    sessionStorage.removeItem(KEY);
    showSession();
    flash('The server refused the token (unknown or revoked): paste a valid one.');
  }

  async function problem(res) {
    try {
      const p = await res.json();
      return p.detail || p.title || String(res.status);
    } catch (e) {
      return res.status + ' ' + res.statusText;
    }
  }

  async function api(path, options) {
    const o = Object.assign({}, options || {});
    o.headers = withToken(o.headers);
    const res = await fetch(path, o);
    if (res.status === 401) {
      refused();
    }
    return res;
  }

  /**
   * Reads a server-sent event stream: calls onEvent({type, id, data}) for each event and resolves when the server
   * ends the stream; rejects when it cannot be opened or breaks.
   */
  async function stream(path, onEvent, options) {
    const o = options || {};
    const headers = withToken({Accept: 'text/event-stream'});
    if (o.lastEventId) {
      headers['Last-Event-ID'] = String(o.lastEventId);
    }
    const res = await fetch(path, {headers, cache: 'no-store'});
    if (res.status === 401) {
      refused();
    }
    if (!res.ok) {
      throw new Error(await problem(res));
    }
    if (o.onOpen) {
      o.onOpen();
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let type = '';
    let id = null;
    let data = [];
    for (;;) {
      const {value, done} = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        let line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.endsWith('\r')) {
          line = line.slice(0, -1);
        }
        if (line === '') {
          if (data.length) {
            onEvent({type: type || 'message', id, data: data.join('\n')});
          }
          type = '';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let val = colon < 0 ? '' : line.slice(colon + 1);
          if (val.startsWith(' ')) {
            val = val.slice(1);
          }
          if (field === 'event') {
            type = val;
          } else if (field === 'data') {
            data.push(val);
          } else if (field === 'id') {
            id = val;
          }
        }
      }
    }
  }

  /** Keeps a stream open for good: reopens it with back-off, and calls onReopen so the page can catch up. */
  async function follow(path, onEvent, onState, onReopen) {
    let delay = 1000;
    for (let first = true; token(); first = false) {
      try {
        await stream(path, onEvent, {onOpen: () => {
          delay = 1000;
          onState('live');
          if (!first && onReopen) {
            onReopen();
          }
        }});
      } catch (e) {
        // a refused token stops the loop through token(); anything else is retried
      }
      onState('reconnecting');
      await sleep(delay);
      delay = Math.min(delay * 2, 30000);
    }
  }

  function lineKind(line) {
    if (/^(diff |index |--- |\+\+\+ |new file|deleted file|rename |similarity )/.test(line)) {
      return 'file';
    }
    if (line.startsWith('@@')) {
      return 'hunk';
    }
    if (line.startsWith('+')) {
      return 'add';
    }
    if (line.startsWith('-')) {
      return 'del';
    }
    return 'ctx';
  }

  /** A unified diff as lines coloured by kind: file headers, hunks, added, removed and context lines. */
  function renderDiff(text, into) {
    const pre = document.createElement('pre');
    pre.className = 'diff';
    const lines = text.split('\n');
    if (lines.length && lines[lines.length - 1] === '') {
      lines.pop();
    }
    for (const line of lines) {
      const span = document.createElement('span');
      span.className = 'line ' + lineKind(line);
      // a block per line: copying the text still gives one line each; an empty line keeps its height
      span.textContent = line === '' ? ' ' : line;
      pre.appendChild(span);
    }
    into.replaceChildren(pre);
  }

  // htmx loads the data fragments: each of its requests carries the token, and none leaves without one
  document.addEventListener('htmx:configRequest', e => {
    const t = token();
    if (!t) {
      e.preventDefault();
      return;
    }
    e.detail.headers.Authorization = 'Bearer ' + t;
  });

  document.addEventListener('htmx:responseError', e => {
    const xhr = e.detail.xhr;
    if (xhr.status === 401) {
      refused();
      return;
    }
    let text = xhr.status + ' ' + xhr.statusText;
    try {
      text = JSON.parse(xhr.responseText).detail || text;
    } catch (err) {
      // not a problem document: the status line says enough
    }
    flash(text);
  });

  document.getElementById('login').addEventListener('submit', async e => {
    e.preventDefault();
    const input = document.getElementById('token');
    const t = input.value.trim();
    const res = await fetch('/api/v1/runs?limit=1', {headers: {Authorization: 'Bearer ' + t}});
    if (res.status === 401) {
      flash(await problem(res));
      return;
    }
    sessionStorage.setItem(KEY, t);
    input.value = '';
    location.reload();
  });

  document.getElementById('logout').addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    location.reload();
  });

  showSession();
  if (!token()) {
    flash('Log in with an API token (aap token create makes one) to see runs.');
  }

  return {token, api, problem, flash, stream, follow, renderDiff, sleep, FINISHED};
})();
