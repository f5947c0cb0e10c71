// The dashboard's pages: the live runs list with the task form, and the run page.
'use strict';

(() => {
  if (!aap.token()) {
    return;
  }

  function runLink(id) {
    const a = document.createElement('a');
    a.href = '/runs/' + encodeURIComponent(id);
    a.textContent = id;
    return a;
  }

  /** The runs list: rows are re-fetched as fragments when the updates stream says a run changed. */
  function listPage(body) {
    const pending = new Map();
    const state = document.getElementById('live-state');

    function load(id) {
      const row = document.getElementById('run-' + id);
      const url = '/ui/runs/' + encodeURIComponent(id) + '/row';
      if (row) {
        return htmx.ajax('GET', url, {target: row, swap: 'outerHTML'});
      }
      return htmx.ajax('GET', url, {target: body, swap: 'afterbegin'}).then(() => {
        body.querySelector('tr.empty')?.remove();
        // the whole list may have been loaded in the meantime and brought the same row
        body.querySelectorAll('tr[id="run-' + CSS.escape(id) + '"]').forEach((r, i) => i > 0 && r.remove());
      });
    }

    // one request at a time per run, so that two quick changes of a new run do not add it twice
    function refresh(id) {
      const next = (pending.get(id) || Promise.resolve()).then(() => load(id)).catch(() => {});
      pending.set(id, next);
      return next;
    }

    aap.follow('/api/v1/updates', ev => {
      if (ev.type === 'run') {
        refresh(JSON.parse(ev.data).run_id);
      }
    }, s => {
      state.textContent = s;
      state.dataset.state = s;
    }, () => htmx.trigger(body, 'aap:reload'));
    return refresh;
  }

  function taskForm(form, onSubmitted) {
    const result = document.getElementById('task-result');
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const data = new FormData(form);
      const task = {repo: data.get('repo'), strategy: data.get('strategy')};
      for (const field of ['goal', 'issue']) {
        const v = String(data.get(field) || '').trim();
        if (v) {
          task[field] = v;
        }
      }
      const constraints = String(data.get('constraints') || '').trim();
      if (constraints) {
        try {
          task.constraints = JSON.parse(constraints);
        } catch (err) {
          result.className = 'error';
          result.textContent = 'Constraints must be a JSON object: ' + err.message;
          return;
        }
      }
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const res = await aap.api('/api/v1/tasks', {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify(task)});
        if (!res.ok) {
          result.className = 'error';
          result.textContent = await aap.problem(res);
          return;
        }
        const submitted = await res.json();
        result.className = '';
        result.replaceChildren('Submitted run ', runLink(submitted.run_id));
        onSubmitted(submitted.run_id);
      } finally {
        button.disabled = false;
      }
    });
  }

  function describe(event) {
    const rest = Object.assign({}, event);
    for (const k of ['seq', 'time', 'type', 'run_id']) {
      delete rest[k];
    }
    const text = JSON.stringify(rest);
    return text === '{}' ? '' : text.length > 300 ? text.slice(0, 300) + '…' : text;
  }

  /** The run page: its events live, the summary and timeline refreshed on step events, then its outputs. */
  function runPage(page) {
    const id = page.dataset.run;
    const base = '/api/v1/runs/' + encodeURIComponent(id);
    const detail = document.getElementById('detail');
    const artifacts = document.getElementById('artifacts');
    const events = document.getElementById('events');
    const state = document.getElementById('stream-state');
    const setState = s => {
      state.textContent = s;
      state.dataset.state = s;
    };
    const changed = () => {
      htmx.trigger(detail, 'aap:changed');
      htmx.trigger(artifacts, 'aap:changed');
    };

    async function outputs() {
      const patch = await aap.api(base + '/patch');
      if (patch.ok) {
        aap.renderDiff(await patch.text(), document.getElementById('diff'));
      }
      const pr = await aap.api(base + '/artifacts/pr.md');
      if (pr.ok) {
        document.getElementById('pr').textContent = await pr.text();
        document.getElementById('pr-section').hidden = false;
      }
    }

    function add(ev) {
      let json = {};
      try {
        json = JSON.parse(ev.data);
      } catch (e) {
        json = {data: ev.data};
      }
      const li = document.createElement('li');
      li.dataset.type = ev.type;
      li.textContent = '#' + ev.id + ' ' + (json.time || '') + ' ' + ev.type + ' ' + describe(json);
      events.appendChild(li);
      while (events.children.length > 1000) {
        events.firstElementChild.remove();
      }
    }

    async function follow() {
      let last = 0;
      let delay = 1000;
      for (;;) {
        try {
          await aap.stream(base + '/events', ev => {
            last = Number(ev.id) || last;
            add(ev);
            if (ev.type.startsWith('step_') || ev.type === 'run_finished') {
              htmx.trigger(detail, 'aap:changed');
            }
          }, {lastEventId: last, onOpen: () => setState('live')});
          delay = 1000;
        } catch (e) {
          if (!aap.token()) {
            return;
          }
        }
        // the server ends the stream once the run has ended; any other end is a broken connection
        const res = await aap.api(base);
        if (res.ok && aap.FINISHED.has((await res.json()).status)) {
          setState('run ended');
          changed();
          await outputs();
          return;
        }
        setState('reconnecting');
        await aap.sleep(delay);
        delay = Math.min(delay * 2, 30000);
      }
    }

    document.addEventListener('htmx:afterRequest', e => {
      const action = e.detail.elt.dataset?.action;
      if (!e.detail.successful || !action) {
        return;
      }
      if (action === 'retry') {
        location.assign('/runs/' + encodeURIComponent(JSON.parse(e.detail.xhr.responseText).run_id));
      } else if (action === 'cancel') {
        changed();
      }
    });

    // artifact links need the token, which a plain link cannot carry: fetch the file and hand it over as a download
    artifacts.addEventListener('click', async e => {
      const a = e.target.closest('a[data-artifact]');
      if (!a) {
        return;
      }
      e.preventDefault();
      const res = await aap.api(base + '/artifacts/' + a.dataset.artifact.split('/').map(encodeURIComponent).join('/'));
      if (!res.ok) {
        aap.flash(await aap.problem(res));
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = a.dataset.artifact.split('/').pop();
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    });

    outputs();
    follow();
  }

  const body = document.getElementById('runs-body');
  if (body) {
    const refresh = listPage(body);
    taskForm(document.getElementById('task-form'), refresh);
  }
  const page = document.getElementById('run-page');
  if (page) {
    runPage(page);
  }
})();
