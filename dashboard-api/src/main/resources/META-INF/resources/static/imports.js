// Imports page: while an import is RUNNING (a progress bar on the page), reload every few seconds so the bar moves
// and the outcome appears; stops by itself once every import has ended. No inline script: the CSP forbids it.
(function () {
  'use strict';
  if (document.querySelector('progress[data-running]')) {
    window.setTimeout(function () { window.location.reload(); }, 3000);
  }
}());
