// The console's script: resumable uploads (tus-js-client), the live clip list (server-sent events), the
// calendar's states kept fresh, table filters and printing. Plain browser JavaScript, no build step.
'use strict';
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
  const textsNode = document.getElementById('console-texts');
  const texts = textsNode ? JSON.parse(textsNode.textContent) : {};

  document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));

  document.querySelectorAll('input[data-filter]').forEach((input) => {
    const rows = document.querySelectorAll(`${input.dataset.filter} tbody tr`);
    input.addEventListener('input', () => {
      const words = input.value.trim().toLowerCase();
      rows.forEach((row) => (row.hidden = Boolean(words) && !row.textContent.toLowerCase().includes(words)));
    });
  });

  // ---- The clip list, live ----
  const rows = document.getElementById('clip-rows');
  function upsertClip(clip) {
    let row = rows.querySelector(`tr[data-clip-id="${CSS.escape(clip.id)}"]`);
    if (!row) {
      row = document.getElementById('clip-row').content.firstElementChild.cloneNode(true);
      row.dataset.clipId = clip.id;
      rows.querySelector('template').after(row);
      document.getElementById('no-clips')?.remove();
    }
    const field = (name) => row.querySelector(`[data-field="${name}"]`);
    const processing = clip.state === 'processing';
    row.dataset.state = clip.state;
    field('title').textContent = clip.title;
    field('title').href = `/console/clips/${clip.id}`;
    field('village').textContent = texts.villages[clip.village] ?? clip.village ?? '';
    field('state').textContent = texts.states[clip.state] ?? clip.state;
    field('progress').hidden = !processing;
    field('progress').value = clip.progress;
    field('percent').textContent = processing ? `${clip.progress} %` : '';
    field('queue').textContent = clip.queuePosition ? texts.queue.replace('{n}', clip.queuePosition) : '';
    field('problem').textContent =
      clip.state === 'rejected' && clip.reason ? clip.reason[texts.lang] : clip.state === 'failed' ? (clip.failure?.[texts.lang] ?? texts.failed) : '';
    if (clip.poster) {
      field('poster').src = clip.poster.url;
      field('poster').hidden = false;
    }
    field('retry').action = `/console/clips/${clip.id}/retry`;
    field('retry').hidden = clip.state !== 'failed';
  }
  // One clip's event changes the others' places in the queue: refresh the list now and then.
  let refreshing;
  function refreshSoon() {
    if (refreshing) return;
    refreshing = setTimeout(async () => {
      refreshing = undefined;
      const response = await fetch('/api/clips').catch(() => null);
      if (response?.ok) (await response.json()).clips.reverse().forEach(upsertClip);
    }, 1500);
  }
  if (rows) {
    const events = new EventSource('/api/clips/events');
    events.addEventListener('clip.updated', (event) => {
      upsertClip(JSON.parse(event.data));
      refreshSoon();
    });
  }

  // ---- One clip's page, live: its state and progress follow the clip (after "retry", say); when it
  // settles (ready, rejected, failed) the page reloads to show its videos or its reason. ----
  const live = document.getElementById('clip-live');
  if (live) {
    const clipTexts = JSON.parse(document.getElementById('clip-texts').textContent);
    const field = (name) => live.querySelector(`[data-field="${name}"]`);
    const events = new EventSource('/api/clips/events');
    events.addEventListener('clip.updated', (event) => {
      const clip = JSON.parse(event.data);
      if (clip.id !== live.dataset.clipId) return;
      const settled = ['ready', 'rejected', 'failed'].includes(clip.state);
      if (settled && clip.state !== live.dataset.state) {
        events.close();
        return window.location.reload();
      }
      live.dataset.state = clip.state;
      field('state').textContent = clipTexts.states[clip.state] ?? clip.state;
      field('progress').hidden = clip.state !== 'processing';
      field('progress').value = clip.progress;
      field('percent').textContent = clip.state === 'processing' ? `${clip.progress} %` : '';
      field('queue').textContent = clip.queuePosition ? clipTexts.queue.replace('{n}', clip.queuePosition) : '';
      // The failure box and its "retry" belong to the failed state only.
      document.querySelectorAll('[data-when-failed]').forEach((node) => (node.hidden = clip.state !== 'failed'));
    });
  }

  // ---- Uploads: tus, resumable across dropped connections and page reloads ----
  const section = document.getElementById('upload');
  if (section && window.tus) {
    const input = document.getElementById('file-input');
    const zone = document.getElementById('dropzone');
    const list = document.getElementById('upload-queue');
    const start = document.getElementById('upload-start');
    const maxBytes = Number(section.dataset.maxBytes);
    const items = [];
    const say = (item, text) => (item.status.textContent = text);
    const withoutEmpty = (fields) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value));

    function addFiles(files) {
      for (const file of files) {
        const li = document.createElement('li');
        li.innerHTML =
          '<input class="title" required maxlength="200"><button type="button" class="secondary remove"></button><progress max="100" value="0"></progress><span class="status"></span>';
        const item = { file, li, title: li.querySelector('.title'), bar: li.querySelector('progress'), status: li.querySelector('.status'), started: false };
        item.title.value = file.name
          .replace(/\.[^.]+$/, '')
          .replace(/[_-]+/g, ' ')
          .slice(0, 200);
        item.title.setAttribute('aria-label', texts.upload.title);
        li.querySelector('.remove').textContent = texts.upload.remove;
        li.querySelector('.remove').addEventListener('click', () => {
          item.upload?.abort();
          li.remove();
          items.splice(items.indexOf(item), 1);
        });
        say(item, `${file.name} · ${(file.size / 1048576).toFixed(1)} MB · ${file.size > maxBytes ? texts.upload.tooBig : texts.upload.waiting}`);
        if (file.size > maxBytes) item.started = true;
        items.push(item);
        list.append(li);
      }
      start.disabled = !items.some((item) => !item.started);
    }

    function send(item) {
      item.started = true;
      item.title.disabled = true;
      const upload = new window.tus.Upload(item.file, {
        endpoint: '/api/uploads',
        chunkSize: 8 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000],
        removeFingerprintOnSuccess: true,
        headers: { 'X-CSRF-Token': csrf },
        metadata: withoutEmpty({
          filename: item.file.name,
          title: item.title.value.trim() || item.file.name,
          village: document.getElementById('upload-village').value.trim(),
          description: document.getElementById('upload-description').value.trim(),
          tags: document.getElementById('upload-tags').value.trim(),
        }),
        // A refusal (4xx) will not change by trying again; a lost connection or a 5xx may.
        onShouldRetry(error) {
          const status = error.originalResponse?.getStatus() ?? 0;
          return status === 0 || status >= 500 || status === 423 || status === 429;
        },
        onAfterResponse(request, response) {
          if (request.getMethod() === 'HEAD' && response.getStatus() === 200 && item.file.size) {
            const percent = Math.floor((Number(response.getHeader('Upload-Offset')) / item.file.size) * 100);
            item.resumedAt = percent;
          }
          const clipId = response.getHeader('X-Clip-Id');
          if (clipId) {
            item.clipId = clipId;
            item.duplicate = Boolean(response.getHeader('X-Duplicate-Of'));
          }
        },
        onProgress(sent, total) {
          const percent = Math.floor((sent / total) * 100);
          item.bar.value = percent;
          const resumed = item.resumedAt ? ` · ${texts.upload.resumed.replace('{n}', item.resumedAt)}` : '';
          say(item, `${texts.upload.uploading} ${percent} %${resumed}`);
        },
        onError(error) {
          const body = error.originalResponse?.getBody()?.trim();
          say(item, `${texts.upload.failed}: ${body || error.message}`);
          item.li.classList.add('failed');
        },
        async onSuccess() {
          item.bar.value = 100;
          say(item, item.duplicate ? texts.upload.duplicate : texts.upload.done);
          if (item.clipId) {
            const link = document.createElement('a');
            link.href = `/console/clips/${item.clipId}`;
            link.textContent = ' →';
            item.status.append(link);
            const response = await fetch(`/api/clips/${item.clipId}`).catch(() => null);
            if (response?.ok && rows) upsertClip(await response.json());
          }
        },
      });
      item.upload = upload;
      // The same file chosen again after a reload carries on where the last try stopped.
      upload.findPreviousUploads().then((previous) => {
        if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      });
    }

    input.addEventListener('change', () => {
      addFiles(input.files);
      input.value = '';
    });
    ['dragenter', 'dragover'].forEach((name) =>
      zone.addEventListener(name, (event) => {
        event.preventDefault();
        zone.classList.add('over');
      }),
    );
    ['dragleave', 'drop'].forEach((name) => zone.addEventListener(name, () => zone.classList.remove('over')));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      addFiles(event.dataTransfer.files);
    });
    start.addEventListener('click', () => {
      items.filter((item) => !item.started).forEach(send);
      start.disabled = true;
    });
  }

  // ---- A clip's captions: the file goes as it is to PUT /api/clips/:id/captions/:lang (the session
  // cookie and the CSRF header); a refusal (422, with its line) is shown in the form ----
  document.querySelectorAll('form[data-captions-upload]').forEach((form) => {
    const output = form.querySelector('output');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const file = form.elements.file.files[0];
      if (!file) return;
      const button = form.querySelector('button');
      button.disabled = true;
      output.className = 'muted';
      output.textContent = form.dataset.uploading;
      const url = `/api/clips/${encodeURIComponent(form.dataset.clipId)}/captions/${encodeURIComponent(form.elements.lang.value)}`;
      const response = await fetch(url, { method: 'PUT', headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'text/plain; charset=utf-8' }, body: file }).catch(
        (error) => ({ ok: false, status: 0, json: async () => ({ message: String(error) }) }),
      );
      if (response.ok) {
        window.location.reload();
        return;
      }
      const problem = await response.json().catch(() => ({ message: `HTTP ${response.status}` }));
      output.className = 'flash error';
      output.textContent = problem.message;
      button.disabled = false;
    });
  });

  // ---- The calendar: states kept fresh while the page is open ----
  const week = document.querySelector('nav.week')?.dataset.week;
  if (week && texts.publication) {
    const open = new Set(['scheduled', 'unknown', 'failed']);
    setInterval(async () => {
      const response = await fetch(`/api/publications?week=${week}`).catch(() => null);
      if (!response?.ok) return;
      for (const publication of (await response.json()).publications) {
        document.querySelectorAll(`[data-publication-id="${publication.id}"]`).forEach((node) => {
          if (node.dataset.state === publication.state) return;
          node.dataset.state = publication.state;
          node.querySelector('[data-field="state"]').textContent = texts.publication[publication.state] ?? publication.state;
          if (!open.has(publication.state)) node.querySelector('.actions')?.remove();
        });
      }
    }, 3000);
  }
})();
