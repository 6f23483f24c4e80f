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
    thead th { background: #e9eef4; }
    .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    .bad, tr.error td:first-child { color: #b00020; font-weight: bold; } .warn, tr.warning td:first-child { color: #8a5a00; }
    .card { background: #fff; border: 1px solid #d0d5dc; padding: 12px 16px; margin: 12px 0; max-width: 720px; }
    label { display: inline-block; min-width: 7em; margin-right: 8px; }
    input[type=number] { width: 6em; }
    .notice { padding: 8px 12px; border-left: 4px solid; background: #fff; } .notice.error { border-color: #b00020; } .notice.ok { border-color: #2e7d32; }
    .meta { color: #4a5360; }
    dl.facts { display: grid; grid-template-columns: 10em 1fr; gap: 4px 12px; background: #fff; padding: 12px; border: 1px solid #d0d5dc; }
    dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
    .file { border-top: 2px solid #d0d5dc; margin-top: 24px; }
    button { padding: 4px 14px; }
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
    @media print { .top, form, .skip { display: none; } body { background: #fff; } .file-body.with-preview { display: block; }
      .book-text { max-height: none; overflow: visible; } figure.page { break-inside: avoid; } }
    """

    /// Upload progress: sends the form with XMLHttpRequest and shows the bytes sent, then that the books are being read.
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
          request.onload = function () { document.open(); document.write(request.responseText); document.close(); };
          request.onerror = function () { text.textContent = '上传失败，请检查网络后重试'; button.disabled = false; };
          request.send(new FormData(form));
        });
      });
    });
    """
}
