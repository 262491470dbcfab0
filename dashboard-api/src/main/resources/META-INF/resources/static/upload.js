// Upload page: asks the dashboard for a presigned S3 PUT (CSRF-checked form POST), uploads the file straight to S3,
// then follows the import record until the loader has processed the file: a progress bar while it is RUNNING, then the
// outcome.
(function () {
  'use strict';
  var form = document.getElementById('upload');
  var out = document.getElementById('upload-status');
  if (!form || !out) {
    return;
  }

  function say(text, tone) {
    var p = document.createElement('p');
    p.textContent = text;
    if (tone) {
      p.className = 'status ' + tone;
    }
    out.appendChild(p);
  }

  var bar = null;
  var barText = null;

  function progress(imp) {
    if (!bar) {
      bar = document.createElement('progress');
      bar.className = 'import-progress';
      bar.max = 100;
      bar.setAttribute('aria-label', 'Import progress');
      barText = document.createElement('p');
      barText.className = 'progress-text';
      out.appendChild(bar);
      out.appendChild(barText);
    }
    var rows = imp.rowsTotal > 0;
    var done = rows ? imp.rowsRead : imp.bytesRead;
    var total = rows ? imp.rowsTotal : imp.bytesTotal;
    var percent = total > 0 ? Math.min(100, Math.floor(done * 100 / total)) : 0;
    bar.value = percent;
    barText.textContent = 'Importing: ' + percent + ' % (' + done.toLocaleString('en-US') + ' of ' +
      total.toLocaleString('en-US') + (rows ? ' rows' : ' bytes') + ').';
  }

  function follow(importsUrl, key, attempt) {
    // A background request: it must not replace the CSRF cookie the page's forms (sign-out, next upload) carry.
    fetch(importsUrl + '?key=' + encodeURIComponent(key), { credentials: 'same-origin', headers: { 'X-Background': '1' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (imports) {
        if (imports.length > 0 && imports[0].status === 'RUNNING') {
          // However long the file takes (it may go on over several loader runs), follow it while it reports progress.
          progress(imports[0]);
          window.setTimeout(function () { follow(importsUrl, key, 0); }, 2000);
        } else if (imports.length > 0) {
          if (bar) {
            bar.value = 100;
          }
          var imp = imports[0];
          var tone = imp.status === 'LOADED' ? 'ok' : (imp.status === 'PARTIAL' ? 'warn' : 'bad');
          say('Import ' + imp.status + ': ' + imp.rowsWritten + ' stored, ' + imp.rowsUnchanged + ' unchanged, ' +
            imp.rowsRejected + ' rejected.' + (imp.reason ? ' ' + imp.reason : ''), tone);
          var link = document.createElement('a');
          link.href = importsUrl.replace(/\.json$/, '');
          link.textContent = 'See the import details';
          out.appendChild(link);
        } else if (attempt < 60) {
          window.setTimeout(function () { follow(importsUrl, key, attempt + 1); }, 2000);
        } else {
          say('The file is stored but its import has not finished yet; check the imports page later.', 'warn');
        }
      })
      .catch(function () {
        window.setTimeout(function () { follow(importsUrl, key, attempt + 1); }, 4000);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    out.textContent = '';
    var file = document.getElementById('file').files[0];
    if (!file) {
      say('Pick a file first.', 'bad');
      return;
    }
    var body = new URLSearchParams(new FormData(form));
    body.delete('file');
    body.set('fileName', file.name);
    body.set('size', String(file.size));
    say('Preparing upload of ' + file.name + '…');
    fetch(form.action, { method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'Accept': 'application/json' } })
      .then(function (r) {
        var type = r.headers.get('Content-Type') || '';
        if (type.indexOf('application/json') !== 0) {
          throw new Error(r.ok ? 'unexpected answer' : ('the dashboard answered HTTP ' + r.status
            + (r.status === 400 ? '; reload the page and try again' : '')));
        }
        return r.json().then(function (json) {
          if (!r.ok) {
            throw new Error(json.message || ('HTTP ' + r.status));
          }
          return json;
        });
      })
      .then(function (ticket) {
        say('Uploading…');
        return fetch(ticket.url, { method: ticket.method, headers: ticket.headers, body: file }).then(function (r) {
          if (!r.ok) {
            throw new Error('storage answered HTTP ' + r.status);
          }
          say('Uploaded. Waiting for the import…');
          follow(form.getAttribute('data-imports-url'), ticket.key, 0);
        });
      })
      .catch(function (error) {
        say('Upload failed: ' + error.message, 'bad');
      });
  });
}());
