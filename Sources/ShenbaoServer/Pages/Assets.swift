/// The stylesheet and the small script every page uses, served by the program itself (no CDN, no build step).
enum Assets {
    static let css = """
    :root { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1b1f24; background: #f6f7f9; }
    body { margin: 0; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
    .top { display: flex; gap: 24px; align-items: center; background: #1f4e79; color: #fff; padding: 10px 24px; }
    .top a { color: #fff; margin-right: 16px; } .brand { font-weight: bold; font-size: 1.15em; }
    .logout { margin-left: auto; display: flex; gap: 8px; align-items: center; }
    main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
    h1 { font-size: 1.5em; } h2 { font-size: 1.2em; }
    table { border-collapse: collapse; width: 100%; background: #fff; margin: 12px 0 24px; }
    caption { text-align: left; font-weight: bold; padding: 6px 0; }
    th, td { border: 1px solid #d0d5dc; padding: 6px 8px; text-align: left; vertical-align: top; }
    thead th { background: #e9eef4; white-space: nowrap; } .nowrap { white-space: nowrap; }
    .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    .bad, tr.error td:first-child { color: #b00020; font-weight: bold; } .warn, tr.warning td:first-child { color: #8a5a00; }
    .card { background: #fff; border: 1px solid #d0d5dc; padding: 12px 16px; margin: 12px 0; max-width: 720px; }
    label { display: inline-block; min-width: 7em; margin-right: 8px; }
    input[type=number] { width: 6em; }
    fieldset input[type=radio] + label { min-width: 0; margin-right: 20px; }
    .notice { padding: 8px 12px; border-left: 4px solid; background: #fff; } .notice.error { border-color: #b00020; } .notice.ok { border-color: #2e7d32; }
    .meta { color: #4a5360; }
    dl.facts { display: grid; grid-template-columns: 10em 1fr; gap: 4px 12px; background: #fff; padding: 12px; border: 1px solid #d0d5dc; }
    dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
    .file { border-top: 2px solid #d0d5dc; margin-top: 24px; }
    button { padding: 4px 14px; }
    .cards { display: flex; gap: 16px; flex-wrap: wrap; align-items: stretch; } .cards .card { flex: 1 1 420px; margin: 0; }
    tr.error td:first-child, tr.warning td:first-child, tr.info td:first-child { white-space: nowrap; }
    form.filter { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 16px 0 0; }
    form.filter label { min-width: 0; margin-right: 0; }
    thead th a { color: inherit; } .history { color: #4a5360; }
    .tag { color: #b00020; border: 1px solid #b00020; padding: 0 4px; font-size: 0.85em; font-weight: normal; }
    .file-body.with-preview { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 16px; align-items: start; }
    .file-fields > table { margin-top: 8px; } .file-fields th[scope=row] { width: 9em; } .file-preview > .meta { margin-top: 0; }
    figure.page { margin: 0 0 16px; background: #fff; border: 1px solid #d0d5dc; }
    figure.page img { display: block; width: 100%; height: auto; }
    figure.page figcaption { padding: 4px 8px; color: #4a5360; border-top: 1px solid #d0d5dc; font-size: 0.9em; }
    .book-text { background: #fff; border: 1px solid #d0d5dc; padding: 8px 16px; max-height: 80vh; overflow: auto; }
    .book-text p { margin: 6px 0; white-space: pre-wrap; } .book-text p.heading { font-weight: bold; margin-top: 12px; }
    .book-text table { margin: 8px 0; font-size: 0.92em; } .book-text td { white-space: pre-wrap; }
    @media (max-width: 900px) { .file-body.with-preview { display: block; } }
    nav.pages { margin: 12px 0; line-height: 2; } nav.pages a, nav.pages strong { padding: 2px 6px; }
    @media print { .top, form, form.filter, .skip, .cards, details.replace, nav.pages, p.meta > a[href^="/inboxes"] { display: none; } body { background: #fff; } thead th a { text-decoration: none; }
      .file-body.with-preview { display: block; }
      .book-text { max-height: none; overflow: visible; } figure.page { break-inside: avoid; } }
    """ + applicationCSS

    /// Upload progress: sends the form with XMLHttpRequest and shows the bytes sent, then opens the reading
    /// job's page; there the job's JSON is polled and the bar shows the books read, until the job is finished.
    static let js = """
    document.addEventListener('DOMContentLoaded', function () {
      document.querySelectorAll('form[data-upload]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
          if (!window.XMLHttpRequest || !window.FormData) { return; }
          event.preventDefault();
          var status = form.querySelector('.progress'), bar = status.querySelector('progress'), text = status.querySelector('span');
          var button = form.querySelector('button'); button.disabled = true; status.hidden = false;
          var request = new XMLHttpRequest();
          request.open('POST', form.action);
          request.upload.onprogress = function (e) {
            if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); text.textContent = '正在上传 ' + bar.value + '%'; }
          };
          request.upload.onload = function () { bar.removeAttribute('value'); text.textContent = '上传完成，正在读取和校验申报书……'; };
          request.onload = function () {
            if (request.status === 200 && request.responseURL) { window.location.assign(request.responseURL); return; }
            document.open(); document.write(request.responseText); document.close();
          };
          request.onerror = function () { text.textContent = '上传失败，请检查网络后重试'; button.disabled = false; };
          request.send(new FormData(form));
        });
      });
      var job = document.getElementById('job');
      if (job && job.dataset.state === 'waiting' && window.fetch) {
        var bar = document.getElementById('job-progress'), text = document.getElementById('job-text');
        var poll = function () {
          fetch('/api/v1/jobs/' + job.dataset.job, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.json(); })
            .then(function (s) {
              if (s.state !== 'waiting') { window.location.reload(); return; }
              if (s.total > 0) { bar.max = s.total; bar.value = s.done; text.textContent = '已读取 ' + s.done + ' / ' + s.total + ' 个文件'; }
              else if (s.ahead > 0) { text.textContent = '排队中，前面还有 ' + s.ahead + ' 批材料'; }
              setTimeout(poll, 1000);
            })
            .catch(function () { setTimeout(poll, 3000); });
        };
        setTimeout(poll, 500);
      }
    });
    """ + applicationJS
}
