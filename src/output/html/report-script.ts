/**
 * Inline JS of a report page (plain ES2017, no dependencies): clicking a finding scrolls to its own
 * location (data-fp, else its first marked element) and marks all its cells (class "active");
 * clicking a marked cell selects its findings in the list; severity filter buttons; "#f3" in the URL selects finding 3 on load.
 */
export const REPORT_JS = `
(function () {
  'use strict';
  var active = [];
  function clearActive() {
    for (var i = 0; i < active.length; i++) active[i].classList.remove('active');
    active = [];
  }
  function item(id) { return document.querySelector('.finding[data-id="' + id + '"]'); }
  function targets(id) { return document.querySelectorAll('[data-f~="' + id + '"]'); }
  function select(ids, scrollDoc, scrollList) {
    clearActive();
    var first = ids.length > 0 ? document.querySelector('[data-fp~="' + ids[0] + '"]') : null, firstItem = null;
    for (var k = 0; k < ids.length; k++) {
      var li = item(ids[k]);
      if (li) { li.classList.add('active'); active.push(li); if (!firstItem) firstItem = li; }
      var els = targets(ids[k]);
      for (var i = 0; i < els.length; i++) {
        els[i].classList.add('active');
        active.push(els[i]);
        if (!first) first = els[i];
      }
    }
    if (scrollDoc && first) first.scrollIntoView({ block: 'center', inline: 'nearest' });
    if (scrollList && firstItem) firstItem.scrollIntoView({ block: 'nearest' });
    try { if (ids.length === 1) history.replaceState(null, '', '#' + ids[0]); } catch (e) { /* file:// quirks */ }
  }
  var list = document.getElementById('findings');
  if (list) {
    list.addEventListener('click', function (ev) {
      var li = ev.target.closest('.finding');
      if (li) select([li.getAttribute('data-id')], true, false);
    });
    list.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      var li = ev.target.closest('.finding');
      if (li) { ev.preventDefault(); select([li.getAttribute('data-id')], true, false); }
    });
  }
  var doc = document.querySelector('.doc-body');
  if (doc) {
    doc.addEventListener('click', function (ev) {
      var el = ev.target.closest('[data-f]');
      if (el) select(el.getAttribute('data-f').split(' '), false, true);
    });
  }
  var buttons = document.querySelectorAll('.filters button[data-sev]');
  function applyFilter(sev) {
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', buttons[i].getAttribute('data-sev') === sev ? 'true' : 'false');
    }
    var items = document.querySelectorAll('.finding');
    for (var j = 0; j < items.length; j++) {
      items[j].hidden = sev !== '' && items[j].getAttribute('data-severity') !== sev;
    }
  }
  for (var b = 0; b < buttons.length; b++) {
    buttons[b].addEventListener('click', function (ev) { applyFilter(ev.currentTarget.getAttribute('data-sev')); });
  }
  // "Back to the findings": to the selected finding when there is one, else the top of the list.
  var toList = document.querySelector('.to-list');
  if (toList) {
    toList.addEventListener('click', function (ev) {
      var li = document.querySelector('.finding.active');
      if (!li) return;
      ev.preventDefault();
      li.scrollIntoView({ block: 'center' });
      li.focus();
    });
  }
  var m = /^#(f\\d+)$/.exec(location.hash);
  if (m) select([m[1]], true, true);
})();
`;
