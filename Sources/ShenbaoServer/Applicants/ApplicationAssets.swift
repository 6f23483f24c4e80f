/// The applicant's form's stylesheet and script, served inside `/assets/desk.css` and `/assets/desk.js`:
/// labels left of their inputs (one column on a narrow screen), a clean print, the 字数 counter as the
/// validator counts, multichoice limits and list rows. No build step, no CDN.
extension Assets {
    static let applicationCSS = """
    output.appform-sum { margin-left: 12px; color: #2e5d8a; } output.appform-sum.differs { color: #b00020; font-weight: bold; }

    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .appform { max-width: 1100px; line-height: 1.5; }
    .appform label { min-width: 0; margin-right: 0; display: inline; }
    .appform-legend-note { color: #4a5360; }
    .appform .req { color: #b00020; margin-left: 2px; font-weight: bold; }
    .appform-section { background: #fff; border: 1px solid #d0d5dc; margin: 16px 0 24px; padding: 4px 20px 12px; }
    .appform-section > legend { font-weight: bold; font-size: 1.15em; padding: 0 8px; }
    .appform-group { font-size: 1em; margin: 18px 0 2px; padding: 4px 8px; background: #e9eef4; border-left: 4px solid #1f4e79; }
    .appform-field { margin: 0; padding: 10px 0; border: 0; border-bottom: 1px dashed #e1e5ea; min-width: 0; }
    .appform-field::after { content: ""; display: block; clear: both; }
    .appform-field > .appform-label { float: left; width: 14em; padding: 4px 0 0; font-weight: bold; }
    .appform-field > .appform-input { margin-left: 15em; }
    .appform-kind { font-weight: normal; color: #4a5360; font-size: 0.9em; }
    .appform-field > .appform-input > input { width: min(100%, 30em); box-sizing: border-box; padding: 4px 6px; }
    .appform input[type=number] { width: 12em; }
    .appform .unit { margin-left: 6px; }
    .appform textarea { width: 100%; box-sizing: border-box; font: inherit; line-height: 1.6; padding: 6px; }
    .appform-range input { width: 9em; padding: 4px 6px; margin: 0 8px 0 4px; }
    .appform-options { display: flex; flex-wrap: wrap; gap: 6px 20px; padding-top: 4px; }
    .appform-option { white-space: nowrap; } .appform-option label { margin-left: 4px; }
    .appform-option input:disabled + label { color: #8a929c; }
    .appform-other { margin-left: 6px; padding: 2px 4px; }
    .appform-help { color: #4a5360; font-size: 0.92em; margin: 4px 0; } .appform-help p { margin: 2px 0; }
    .appform-notes::before { content: "填写要求："; }
    .appform-count { font-size: 0.9em; color: #4a5360; margin: 2px 0; text-align: right; }
    .appform-count.over, .appform-unknown { color: #b00020; font-weight: bold; }
    .appform-status { font-size: 0.9em; color: #1f4e79; margin: 4px 0 0; } .appform-status:empty { display: none; }
    .appform-todo ul { list-style: none; margin: 0; padding: 0; } .appform-todo li { padding: 3px 0; }
    .appform-todo .badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 0.85em; color: #fff; background: #8a5a00; }
    .appform-todo li.error .badge { background: #b00020; }
    .appform-total > .appform-label { font-weight: 700; }
    .appform-field[class*="appform-depth-"] > .appform-label { box-sizing: border-box; }
    .appform-depth-1 > .appform-label { padding-left: 1.2em; } .appform-depth-2 > .appform-label { padding-left: 2.4em; font-weight: 400; }
    .appform-depth-3 > .appform-label { padding-left: 3.6em; font-weight: 400; }
    .appform-field:target { outline: 3px solid #1a73e8; outline-offset: 2px; }
    .appform-findings { list-style: none; margin: 6px 0 0; padding: 0; }
    .appform-findings li { padding: 4px 8px; margin: 2px 0; border-left: 4px solid #8a5a00; background: #fffaf0; color: #6b4500; }
    .appform-findings li.error { border-color: #b00020; background: #fff5f6; color: #b00020; }
    .appform-findings li.info { border-color: #1f4e79; background: #f3f7fb; color: #1f4e79; }
    .appform-findings .rule { color: #77808c; font-size: 0.8em; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    .appform-field.has-error > .appform-label { color: #b00020; }
    .appform [aria-invalid=true] { border: 2px solid #b00020; }
    .appform-rows { margin: 4px 0; } .appform-rows td, .appform-rows th { padding: 2px 4px; }
    .appform-rows input { width: 100%; box-sizing: border-box; padding: 4px 6px; }
    .appform-rows .appform-n { width: 2.5em; text-align: center; color: #4a5360; } .appform-rows td:last-child { width: 4em; }
    @media (max-width: 760px) { .appform-field > .appform-label { float: none; display: block; width: auto; } .appform-field > .appform-input { margin-left: 0; } }
    @media print { form:has(.appform) { display: block; } .appform-add, .appform-remove, .appform-status, .appform-legend-note { display: none; }
      .appform-section { border: 0; padding: 0; } .appform-field { break-inside: avoid; }
      .appform textarea { field-sizing: content; border: 1px solid #999; } .appform-count { display: none; } }
    """

    static let applicationJS = """

    document.addEventListener('DOMContentLoaded', function () {
      // 字数 as the validator counts it (LengthRule.wordCount): each CJK character or full-width mark is one,
      // each run of other characters between spaces is one.
      var wordCount = function (text) {
        var n = 0, inWord = false;
        for (var ch of text) {
          if (/\\s/.test(ch)) { inWord = false; }
          else if (ch.codePointAt(0) > 0x2E7F) { n++; inWord = false; }
          else if (!inWord) { n++; inWord = true; }
        }
        return n;
      };
      document.querySelectorAll('.appform textarea[data-count]').forEach(function (area) {
        var out = document.getElementById(area.dataset.count), limit = parseInt(area.dataset.limit || '0', 10);
        var update = function () {
          var n = wordCount(area.value), over = limit > 0 && n > limit;
          out.textContent = '已写 ' + n + (limit ? ' / 限 ' + limit : '') + ' 字' + (over ? '，超出 ' + (n - limit) + ' 字' : '');
          out.classList.toggle('over', over);
        };
        area.addEventListener('input', update); update();
      });
      document.querySelectorAll('.appform fieldset[data-max]').forEach(function (set) {
        var max = parseInt(set.dataset.max, 10), boxes = set.querySelectorAll('input[type=checkbox]'), status = set.querySelector('.appform-status');
        var update = function () {
          var n = 0; boxes.forEach(function (b) { if (b.checked) { n++; } });
          boxes.forEach(function (b) { b.disabled = !b.checked && n >= max; });
          status.textContent = n > max ? '已选 ' + n + ' 项，最多只能选 ' + max + ' 项，请取消 ' + (n - max) + ' 项'
            : n === max ? '已选满 ' + max + ' 项；要改选，请先取消一项' : '已选 ' + n + ' 项，最多可选 ' + max + ' 项';
        };
        boxes.forEach(function (b) { b.addEventListener('change', update); }); update();
      });
      document.querySelectorAll('.appform .appform-other').forEach(function (note) {
        note.addEventListener('input', function () {
          var box = note.parentNode.querySelector('input[type=radio], input[type=checkbox]');
          if (box && note.value.trim() && !box.checked && !box.disabled) { box.checked = true; box.dispatchEvent(new Event('change')); }
        });
      });
      document.querySelectorAll('.appform fieldset.appform-list').forEach(function (set) {
        var body = set.querySelector('tbody'), template = set.querySelector('template'), add = set.querySelector('[data-add]');
        var next = parseInt(set.dataset.next, 10) || body.rows.length;
        var renumber = function () { Array.prototype.forEach.call(body.rows, function (tr, i) { tr.querySelector('.appform-n').textContent = i + 1; }); };
        var wire = function (tr) {
          var button = tr.querySelector('[data-remove]'); button.hidden = false;
          button.addEventListener('click', function () { tr.remove(); if (!body.rows.length) { addRow(); } renumber(); });
        };
        var addRow = function () {
          body.insertAdjacentHTML('beforeend', template.innerHTML.split('__i__').join(String(next)).split('__n__').join(String(body.rows.length + 1)));
          next++;
          var tr = body.rows[body.rows.length - 1]; wire(tr);
          return tr;
        };
        Array.prototype.forEach.call(body.rows, wire);
        add.hidden = false;
        add.addEventListener('click', function () { var input = addRow().querySelector('input'); if (input) { input.focus(); } });
      });

      // 所在市州 narrows the 推荐单位 list to that 市州's bureaus (without script every bureau stays offered, grouped).
      document.querySelectorAll('select[data-filters]').forEach(function (region) {
        var target = document.getElementById(region.dataset.filters);
        if (!target) { return; }
        var narrow = function () {
          Array.prototype.forEach.call(target.querySelectorAll('optgroup'), function (group) {
            var shown = !region.value || group.label === region.value;
            group.hidden = !shown; group.disabled = !shown;
          });
          var chosen = target.options[target.selectedIndex];
          if (chosen && chosen.parentNode.disabled) { target.value = ''; }
        };
        region.addEventListener('change', narrow); narrow();
      });

      // Totals the call checks against their parts: the parts' sum, shown beside the total as they are typed.
      document.querySelectorAll('output.appform-sum[data-sum-of]').forEach(function (output) {
        var parts = output.dataset.sumOf.split(' ').map(function (id) { return document.querySelector('[name="' + id + '"]'); })
          .filter(function (input) { return input; });
        var total = document.getElementById(output.htmlFor.value || output.getAttribute('for'));
        var show = function () {
          var sum = 0, any = false;
          parts.forEach(function (input) { var v = parseFloat(input.value); if (!isNaN(v)) { sum += v; any = true; } });
          if (!any) { output.textContent = ''; return; }
          var text = '各项合计 ' + (Math.round(sum * 10000) / 10000) + (total && total.value !== '' && Math.abs(parseFloat(total.value) - sum) > 0.00005 ? '，与所填合计不一致' : '');
          output.textContent = text;
          output.classList.toggle('differs', text.indexOf('不一致') >= 0);
        };
        parts.concat(total ? [total] : []).forEach(function (input) { input.addEventListener('input', show); });
        show();
      });

      // Leaving a changed field saves the form and shows the server's findings beside the fields touched (all of
      // them after 保存并检查), so a closed browser loses at most the field being typed. The server checks; this
      // only carries its answer over.
      var form = document.querySelector('form.application');
      if (form && window.fetch && window.DOMParser) {
        var status = document.getElementById('autosave');
        var pending = null, sending = false, again = false, touched = {};
        var send = function () {
          if (sending) { again = true; return; }
          sending = true;
          if (status) { status.textContent = '正在保存……'; }
          fetch(form.action, { method: 'POST', credentials: 'same-origin', body: new URLSearchParams(new FormData(form)) })
            .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
            .then(function (html) {
              var page = new DOMParser().parseFromString(html, 'text/html');
              document.querySelectorAll('form.application .appform-field[data-field]').forEach(function (field) {
                // Fields not yet filled in stay quiet until 保存并检查; those touched, or already marked, follow the server.
                if (!touched[field.dataset.field] && !field.querySelector('.appform-findings')) { return; }
                var fresh = page.querySelector('.appform-field[data-field="' + field.dataset.field + '"]');
                var old = field.querySelector('.appform-findings'), found = fresh && fresh.querySelector('.appform-findings');
                if (old) { old.remove(); }
                if (found) { field.appendChild(document.importNode(found, true)); }
                field.classList.toggle('has-error', !!(fresh && fresh.classList.contains('has-error')));
              });
              var summary = page.getElementById('check-summary'), here = document.getElementById('check-summary');
              if (summary && here) { here.replaceWith(document.importNode(summary, true)); }
              if (status) { status.textContent = '已自动保存'; }
            })
            .catch(function () { if (status) { status.textContent = '自动保存失败，请点「保存并检查」'; } })
            .then(function () { sending = false; if (again) { again = false; send(); } });
        };
        form.addEventListener('change', function (event) {
          var field = event.target.closest('.appform-field[data-field]');
          if (field) { touched[field.dataset.field] = true; }
          clearTimeout(pending); pending = setTimeout(send, 300);
        });
      }
    });
    """
}
