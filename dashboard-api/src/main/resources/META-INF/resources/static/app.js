// Refreshes the inventory results region every N seconds without a full page reload.
// No inline scripts anywhere: the Content-Security-Policy allows scripts from this origin only.
(function () {
  'use strict';
  var region = document.getElementById('results');
  if (!region || !window.fetch || !window.DOMParser) {
    return;
  }
  var seconds = parseInt(region.getAttribute('data-refresh-seconds'), 10) || 30;
  var url = region.getAttribute('data-refresh-url');

  function status(text) {
    var line = document.querySelector('[data-refresh-status]');
    if (line) {
      line.textContent = text;
    }
  }

  function refresh() {
    if (document.hidden) {
      return schedule();
    }
    // Marked as a background request: it must not replace the CSRF cookie the page's forms were rendered with.
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html', 'X-Background': '1' }, redirect: 'manual' })
      .then(function (response) {
        if (response.type === 'opaqueredirect' || response.status === 401) {
          status('Your session has ended: reload the page to sign in again.');
          return null;
        }
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('results');
        if (fresh) {
          region.replaceChildren.apply(region, Array.prototype.slice.call(fresh.childNodes));
          status('Updated at ' + new Date().toLocaleTimeString() + '; next update in ' + seconds + ' seconds.');
        }
        schedule();
      })
      .catch(function () {
        status('Could not update the list; trying again in ' + seconds + ' seconds.');
        schedule();
      });
  }

  function schedule() {
    window.setTimeout(refresh, seconds * 1000);
  }

  schedule();
}());
