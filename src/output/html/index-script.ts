/**
 * Inline JS of the index (plain ES2017): reads the rows from the embedded JSON, filters by status,
 * grade band, rule, severity and a search box, sorts (worst first by default), and renders one page at
 * a time so 10,000 inputs stay fast — every row of the view when printing. The state lives in the URL
 * hash, so Back from a report restores it. All text goes in through textContent (never innerHTML).
 */
export const INDEX_JS = `
(function () {
  'use strict';
  var rows = JSON.parse(document.getElementById('rows-data').textContent);
  var T = JSON.parse(document.getElementById('i18n-data').textContent);
  var SEV = ['error', 'warning', 'info'];
  rows.forEach(function (r, i) {
    r._i = i;
    r._score = r.score === null ? null : Number(r.score);
    r._band = r.grade === null ? null : (T.bands[r.grade] || r.grade);
    r._text = (r.file + ' ' + (r.project || '') + ' ' + (r.unit || '') + ' ' + (r.error || '')).toLowerCase();
  });
  var NONE = '(none)';
  var DEFAULTS = { status: '', grade: '', rule: '', severity: '', q: '', sort: '_worst', dir: 1, page: 0, size: 100 };
  var state = {};
  var $ = function (id) { return document.getElementById(id); };
  var tbody = $('rows-body');
  var view = rows;
  var printing = false;
  var groupLimit = 200;

  function keyOf(r, k) {
    if (k === 'error' || k === 'warning' || k === 'info') return r.counts[k];
    if (k === 'score') return r._score;
    return r[k];
  }
  /** Worst first: failed inputs (nothing could be checked), then by errors, warnings, info; input order. */
  function worst(a, b) {
    var fa = a.status === 'failed' ? 1 : 0, fb = b.status === 'failed' ? 1 : 0;
    var c = fb - fa || b.counts.error - a.counts.error || b.counts.warning - a.counts.warning || b.counts.info - a.counts.info;
    return c !== 0 ? c * state.dir : a._i - b._i;
  }
  function compare(a, b) {
    if (state.sort === '_worst') return worst(a, b);
    var x = keyOf(a, state.sort), y = keyOf(b, state.sort);
    var xn = x === null || x === undefined || x === '', yn = y === null || y === undefined || y === '';
    if (xn || yn) return xn === yn ? a._i - b._i : (xn ? 1 : -1);
    var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), T.locale);
    return c !== 0 ? c * state.dir : a._i - b._i;
  }
  function matches(r) {
    if (state.status && r.status !== state.status) return false;
    if (state.grade && (state.grade === NONE ? r.grade !== null : r._band !== state.grade)) return false;
    if (state.rule && !r.rules[state.rule]) return false;
    if (state.severity && !(r.counts[state.severity] > 0)) return false;
    if (state.q && r._text.indexOf(state.q) < 0) return false;
    return true;
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== null && text !== undefined) e.textContent = String(text);
    return e;
  }
  function td(text, cls) { return el('td', text, cls); }
  function ruleName(k) { return T.ruleNames[k] || k; }
  function renderRow(r) {
    var tr = document.createElement('tr');
    var tone = r.status === 'failed' ? 'failed' : r.counts.error > 0 ? 'has-error' : r.counts.warning > 0 ? 'has-warning' : 'ok';
    tr.className = tone;
    tr.setAttribute('data-name', r.name);
    tr.appendChild(td(r._i + 1, 'num muted'));
    var file = td(null, 'file');
    var a = el('a', r.file);
    a.setAttribute('href', r.href);
    file.appendChild(a);
    tr.appendChild(file);
    var st = td(null);
    st.appendChild(el('span', T.status[r.status] || r.status, 'badge st-' + r.status));
    tr.appendChild(st);
    if (r.status === 'failed') tr.appendChild(td(r.error, 'err-text'));
    else tr.appendChild(td(r.project));
    tr.appendChild(td(r.score, 'num'));
    tr.appendChild(td(r.grade));
    SEV.forEach(function (s) {
      var n = r.status === 'failed' ? null : r.counts[s];
      var c = td(n, 'num' + (n > 0 ? ' sev-n sev-' + s : ''));
      c.setAttribute('data-label', T.severity[s]);
      tr.appendChild(c);
    });
    var rules = td(null, 'chips');
    Object.keys(r.rules).forEach(function (k) {
      var chip = el('span', r.rules[k] > 1 ? ruleName(k) + ' ×' + r.rules[k] : ruleName(k), 'rule-chip');
      chip.setAttribute('title', k);
      chip.setAttribute('data-rule', k);
      rules.appendChild(chip);
    });
    tr.appendChild(rules);
    return tr;
  }

  /** The findings of the rows in view, grouped by rule: a count per group, entries rendered when opened. */
  function renderGroups() {
    var box = $('rule-groups');
    var open = {};
    var olds = box.querySelectorAll('details[open]');
    for (var i = 0; i < olds.length; i++) open[olds[i].getAttribute('data-rule')] = true;
    var groups = {}, order = [];
    view.forEach(function (r) {
      (r.hits || []).forEach(function (h, id) {
        if (state.severity && h[0] !== state.severity) return;
        if (state.rule && h[1] !== state.rule) return;
        var g = groups[h[1]];
        if (!g) { g = groups[h[1]] = { rule: h[1], severity: h[0], entries: [] }; order.push(g); }
        if (SEV.indexOf(h[0]) < SEV.indexOf(g.severity)) g.severity = h[0];
        g.entries.push({ row: r, id: id, severity: h[0], message: h[2] });
      });
    });
    order.sort(function (a, b) { return SEV.indexOf(a.severity) - SEV.indexOf(b.severity) || b.entries.length - a.entries.length || (a.rule < b.rule ? -1 : 1); });
    box.textContent = '';
    order.forEach(function (g) {
      var d = el('details', null, 'rule-group sev-' + g.severity);
      d.setAttribute('data-rule', g.rule);
      var sum = el('summary');
      sum.appendChild(el('span', T.severity[g.severity], 'badge sev-' + g.severity));
      sum.appendChild(el('span', ' ' + ruleName(g.rule) + ' ', 'rule-title'));
      sum.appendChild(el('code', g.rule));
      sum.appendChild(el('span', ' ' + g.entries.length, 'muted'));
      d.appendChild(sum);
      var fill = function () {
        if (d.querySelector('ol')) return;
        var ol = el('ol', null, 'hits');
        g.entries.slice(0, groupLimit).forEach(function (e) {
          var li = el('li', null, 'hit sev-' + e.severity);
          var a = el('a', e.row.file);
          a.setAttribute('href', e.row.href + '#f' + e.id);
          li.appendChild(a);
          li.appendChild(el('span', ' ' + e.message, 'hit-msg'));
          ol.appendChild(li);
        });
        if (g.entries.length > groupLimit) ol.appendChild(el('li', T.more.replace('{n}', g.entries.length - groupLimit), 'muted'));
        d.appendChild(ol);
      };
      d.addEventListener('toggle', function () { if (d.open) fill(); });
      if (open[g.rule] || printing) { d.open = true; fill(); }
      box.appendChild(d);
    });
  }

  function render() {
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    if (state.page >= pages) state.page = pages - 1;
    if (state.page < 0) state.page = 0;
    var start = state.page * state.size;
    var frag = document.createDocumentFragment();
    var slice = printing ? view : view.slice(start, start + state.size);
    slice.forEach(function (r) { frag.appendChild(renderRow(r)); });
    if (slice.length === 0) {
      var tr = document.createElement('tr');
      var cell = td(T.noRows, 'muted');
      cell.colSpan = 10;
      tr.appendChild(cell);
      frag.appendChild(tr);
    }
    tbody.textContent = '';
    tbody.appendChild(frag);
    var count = $('count');
    count.textContent = T.rows.replace('{shown}', view.length).replace('{total}', rows.length);
    count.setAttribute('data-shown', String(view.length));
    count.setAttribute('data-total', String(rows.length));
    $('page-info').textContent = T.page.replace('{p}', state.page + 1).replace('{n}', pages);
    $('prev').disabled = state.page === 0;
    $('next').disabled = state.page >= pages - 1;
    var ths = document.querySelectorAll('th[data-sort]');
    for (var i = 0; i < ths.length; i++) {
      var k = ths[i].getAttribute('data-sort');
      if (k === state.sort) ths[i].setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
      else ths[i].removeAttribute('aria-sort');
    }
    $('sort-worst').setAttribute('aria-pressed', state.sort === '_worst' ? 'true' : 'false');
    saveState();
  }
  function refresh(keepPage) {
    view = rows.filter(matches);
    view.sort(compare);
    if (!keepPage) state.page = 0;
    render();
    renderGroups();
  }

  /** The state in the URL hash (only what differs from the defaults), replaced, never pushed. */
  function saveState() {
    var parts = [];
    Object.keys(DEFAULTS).forEach(function (k) {
      if (String(state[k]) !== String(DEFAULTS[k])) parts.push(k + '=' + encodeURIComponent(String(state[k])));
    });
    var hash = parts.length ? '#' + parts.join('&') : '';
    if (location.hash !== hash) {
      try { history.replaceState(null, '', hash || location.pathname + location.search); } catch (e) { /* file:// quirks */ }
    }
  }
  function loadState() {
    Object.keys(DEFAULTS).forEach(function (k) { state[k] = DEFAULTS[k]; });
    location.hash.replace(/^#/, '').split('&').forEach(function (p) {
      var i = p.indexOf('=');
      if (i < 1) return;
      var k = p.slice(0, i), v = decodeURIComponent(p.slice(i + 1));
      if (!(k in DEFAULTS)) return;
      state[k] = typeof DEFAULTS[k] === 'number' ? (Number(v) || DEFAULTS[k]) : v;
    });
    if (state.dir !== 1 && state.dir !== -1) state.dir = 1;
    [['f-status', 'status'], ['f-grade', 'grade'], ['f-rule', 'rule'], ['f-severity', 'severity'], ['f-size', 'size']].forEach(function (p) {
      var sel = $(p[0]);
      sel.value = String(state[p[1]]);
      if (sel.value !== String(state[p[1]])) state[p[1]] = p[1] === 'size' ? DEFAULTS.size : '';
    });
    $('f-q').value = state.q;
  }

  function bindSelect(id, key) {
    $(id).addEventListener('change', function (ev) { state[key] = key === 'size' ? (Number(ev.target.value) || 100) : ev.target.value; refresh(); });
  }
  bindSelect('f-status', 'status');
  bindSelect('f-grade', 'grade');
  bindSelect('f-rule', 'rule');
  bindSelect('f-severity', 'severity');
  bindSelect('f-size', 'size');
  $('f-q').addEventListener('input', function (ev) { state.q = ev.target.value.trim().toLowerCase(); refresh(); });
  $('prev').addEventListener('click', function () { state.page--; render(); });
  $('next').addEventListener('click', function () { state.page++; render(); });
  $('sort-worst').addEventListener('click', function () { state.sort = '_worst'; state.dir = 1; refresh(); });
  var ths = document.querySelectorAll('th[data-sort]');
  for (var i = 0; i < ths.length; i++) {
    // The header's button gets the click (mouse, Enter or Space alike).
    ths[i].addEventListener('click', function (ev) {
      var k = ev.currentTarget.getAttribute('data-sort');
      if (state.sort === k) state.dir = -state.dir;
      else { state.sort = k; state.dir = 1; }
      refresh();
    });
  }
  function pickRule(rule) {
    $('f-rule').value = rule;
    state.rule = $('f-rule').value;
    refresh();
  }
  var bars = document.querySelectorAll('.chart g[data-rule]');
  for (var j = 0; j < bars.length; j++) {
    bars[j].addEventListener('click', function (ev) { pickRule(ev.currentTarget.getAttribute('data-rule')); });
    bars[j].addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      ev.preventDefault();
      pickRule(ev.currentTarget.getAttribute('data-rule'));
    });
  }
  // Printing shows every row of the view (and every group), not the current page.
  function setPrinting(on) {
    if (printing === on) return;
    printing = on;
    render();
    renderGroups();
  }
  window.addEventListener('beforeprint', function () { setPrinting(true); });
  window.addEventListener('afterprint', function () { setPrinting(false); });
  if (window.matchMedia) {
    var mq = window.matchMedia('print');
    var onMq = function (e) { setPrinting(e.matches); };
    if (mq.addEventListener) mq.addEventListener('change', onMq); else if (mq.addListener) mq.addListener(onMq);
  }
  window.addEventListener('hashchange', function () { loadState(); refresh(true); });
  loadState();
  refresh(true);
})();
`;
