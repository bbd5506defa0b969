/**
 * Inline JS of the index (plain ES2017): reads the rows from the embedded JSON, filters by status,
 * grade, rule, severity and a search box, sorts by any column, and renders one page at a time so
 * 10,000 inputs stay fast. All text goes in through textContent (never innerHTML).
 */
export const INDEX_JS = `
(function () {
  'use strict';
  var rows = JSON.parse(document.getElementById('rows-data').textContent);
  var T = JSON.parse(document.getElementById('i18n-data').textContent);
  rows.forEach(function (r, i) {
    r._i = i;
    r._n = r.counts.error + r.counts.warning + r.counts.info;
    r._score = r.score === null ? null : Number(r.score);
    r._text = (r.file + ' ' + (r.project || '') + ' ' + (r.unit || '') + ' ' + (r.error || '')).toLowerCase();
  });
  var NONE = '(none)';
  var state = { status: '', grade: '', rule: '', severity: '', q: '', sort: '_i', dir: 1, page: 0, size: 100 };
  var $ = function (id) { return document.getElementById(id); };
  var tbody = $('rows-body');
  var view = rows;

  function keyOf(r, k) {
    if (k === 'error' || k === 'warning' || k === 'info') return r.counts[k];
    if (k === 'score') return r._score;
    return r[k];
  }
  function compare(a, b) {
    var x = keyOf(a, state.sort), y = keyOf(b, state.sort);
    var xn = x === null || x === undefined || x === '', yn = y === null || y === undefined || y === '';
    if (xn || yn) return xn === yn ? a._i - b._i : (xn ? 1 : -1);
    var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), T.locale);
    return c !== 0 ? c * state.dir : a._i - b._i;
  }
  function matches(r) {
    if (state.status && r.status !== state.status) return false;
    if (state.grade && (state.grade === NONE ? r.grade !== null : r.grade !== state.grade)) return false;
    if (state.rule && !r.rules[state.rule]) return false;
    if (state.severity && !(r.counts[state.severity] > 0)) return false;
    if (state.q && r._text.indexOf(state.q) < 0) return false;
    return true;
  }
  function td(text, cls) {
    var el = document.createElement('td');
    if (cls) el.className = cls;
    if (text !== null && text !== undefined) el.textContent = String(text);
    return el;
  }
  function renderRow(r) {
    var tr = document.createElement('tr');
    tr.className = r.status === 'failed' ? 'failed' : 'ok';
    tr.setAttribute('data-name', r.name);
    tr.appendChild(td(r._i + 1, 'num muted'));
    var file = td(null, 'file');
    var a = document.createElement('a');
    a.setAttribute('href', r.href);
    a.textContent = r.file;
    file.appendChild(a);
    tr.appendChild(file);
    var st = td(null);
    var badge = document.createElement('span');
    badge.className = 'badge st-' + r.status;
    badge.textContent = T.status[r.status] || r.status;
    st.appendChild(badge);
    tr.appendChild(st);
    if (r.status === 'failed') tr.appendChild(td(r.error, 'err-text'));
    else tr.appendChild(td(r.project));
    tr.appendChild(td(r.score, 'num'));
    tr.appendChild(td(r.grade));
    tr.appendChild(td(r.counts.error, 'num'));
    tr.appendChild(td(r.counts.warning, 'num'));
    tr.appendChild(td(r.counts.info, 'num'));
    var rules = td(null);
    Object.keys(r.rules).forEach(function (k) {
      var chip = document.createElement('span');
      chip.className = 'rule-chip';
      chip.textContent = r.rules[k] > 1 ? k + ' ×' + r.rules[k] : k;
      rules.appendChild(chip);
    });
    tr.appendChild(rules);
    return tr;
  }
  function render() {
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    if (state.page >= pages) state.page = pages - 1;
    var start = state.page * state.size;
    var frag = document.createDocumentFragment();
    var slice = view.slice(start, start + state.size);
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
  }
  function refresh() {
    view = rows.filter(matches);
    view.sort(compare);
    state.page = 0;
    render();
  }
  function bindSelect(id, key) {
    $(id).addEventListener('change', function (ev) { state[key] = ev.target.value; refresh(); });
  }
  bindSelect('f-status', 'status');
  bindSelect('f-grade', 'grade');
  bindSelect('f-rule', 'rule');
  bindSelect('f-severity', 'severity');
  $('f-q').addEventListener('input', function (ev) { state.q = ev.target.value.trim().toLowerCase(); refresh(); });
  $('f-size').addEventListener('change', function (ev) { state.size = Number(ev.target.value) || 100; refresh(); });
  $('prev').addEventListener('click', function () { state.page--; render(); });
  $('next').addEventListener('click', function () { state.page++; render(); });
  var ths = document.querySelectorAll('th[data-sort]');
  for (var i = 0; i < ths.length; i++) {
    ths[i].addEventListener('click', function (ev) {
      var k = ev.currentTarget.getAttribute('data-sort');
      if (state.sort === k) state.dir = -state.dir;
      else { state.sort = k; state.dir = 1; }
      refresh();
    });
  }
  var bars = document.querySelectorAll('.chart g[data-rule]');
  for (var j = 0; j < bars.length; j++) {
    bars[j].addEventListener('click', function (ev) {
      var rule = ev.currentTarget.getAttribute('data-rule');
      $('f-rule').value = rule;
      state.rule = rule;
      refresh();
    });
  }
  refresh();
})();
`;
