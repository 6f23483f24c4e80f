/// The page templates. The layout is a parent template; each page fills its `content` block.
enum PageTemplates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "inboxes": inboxes, "inbox": inbox, "submission": submission,
        "accounts": accounts, "account": account, "error": error, "job": job,
    ]

    static let layout = """
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · 申报收件台</title>
    <link rel="stylesheet" href="/assets/desk.css">
    <script src="/assets/desk.js" defer></script>
    </head>
    <body>
    <a class="skip" href="#main">跳到正文</a>
    <header class="top">
      <span class="brand">申报收件台</span>
      {{#user}}
      <nav aria-label="主导航">
        {{^applicant}}<a href="/inboxes">收件箱</a>{{/applicant}}{{#applicant}}<a href="/applications">我的申报</a>{{/applicant}}
        {{#admin}}<a href="/admin/accounts">账户管理</a>{{/admin}}
      </nav>
      <form class="logout" method="post" action="/logout">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <span>{{name}}（{{login}}）</span>
        <button type="submit">退出登录</button>
      </form>
      {{/user}}
    </header>
    <main id="main">
    <h1>{{title}}</h1>
    {{$content}}{{/content}}
    </main>
    </body>
    </html>
    """

    static let error = """
    {{<layout}}{{$content}}
    <p class="notice error" role="alert">{{message}}</p>
    <p><a href="/">返回首页</a></p>
    {{/content}}{{/layout}}
    """

    static let login = """
    {{<layout}}{{$content}}
    {{#message}}<p class="notice error" role="alert">{{message}}</p>{{/message}}
    <form class="card" method="post" action="/login">
      <input type="hidden" name="csrf" value="{{loginToken}}">
      <p><label for="login">登录名</label><input id="login" name="login" autocomplete="username" required value="{{login}}"
         aria-describedby="login-hint"> <small id="login-hint">申报单位以统一社会信用代码登录</small></p>
      <p><label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required></p>
      <p><button type="submit">登录</button></p>
    </form>
    <p>申报单位第一次使用？<a href="/register">注册</a></p>
    {{/content}}{{/layout}}
    """

    static let inboxes = """
    {{<layout}}{{$content}}
    {{^inboxes}}<p>暂无收件箱。{{#user.admin}}请先在「账户管理」中创建推荐单位账户。{{/user.admin}}</p>{{/inboxes}}
    {{#hasInboxes}}
    <table>
      <caption>收件箱（每个推荐单位、每个申报类别一个）</caption>
      <thead><tr><th scope="col">推荐单位</th><th scope="col">市州</th><th scope="col">申报类别</th><th scope="col">名额</th><th scope="col">已收材料</th></tr></thead>
      <tbody>
      {{#inboxes}}
      <tr><td>{{bureau}}</td><td>{{region}}</td><td><a href="/inboxes/{{id}}">{{callTitle}}</a></td><td>{{quota}}</td><td>{{count}}</td></tr>
      {{/inboxes}}
      </tbody>
    </table>
    {{/hasInboxes}}
    {{/content}}{{/layout}}
    """

    static let inbox = """
    {{<layout}}{{$content}}
    <p class="meta">推荐单位：{{bureau}}　申报类别：{{callID}}　已推荐 {{recommended}} 个{{#quota}}（名额 {{quota}} 个）{{/quota}}</p>
    <div class="cards">
    <section aria-labelledby="upload-title" class="card">
      <h2 id="upload-title">上传收到的材料</h2>
      <form method="post" action="/inboxes/{{id}}/upload" enctype="multipart/form-data" data-upload>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="files">选择文件（可多选；Word、PDF、佐证材料，或按单位分文件夹打包的 .zip）</label>
        <input id="files" name="files" type="file" multiple></p>
        <p><label for="folder">或选择整个文件夹</label>
        <input id="folder" name="folder" type="file" webkitdirectory multiple></p>
        <p><button type="submit">上传并校验</button></p>
        <p class="progress" role="status" aria-live="polite" hidden><progress max="100" value="0"></progress> <span></span></p>
      </form>
    </section>
    <section aria-labelledby="export-title" class="card">
      <h2 id="export-title">汇总表与问题清单</h2>
      <form method="get" action="/inboxes/{{id}}/summary">
        <p><label for="contact">联系人及电话</label><input id="contact" name="contact" maxlength="100"></p>
        <p><label for="format">格式</label><select id="format" name="format"><option value="docx">Word（.docx）</option>
        <option value="xlsx">Excel（.xlsx）</option><option value="csv">CSV</option></select>
        <button type="submit">下载已推荐材料的汇总表</button></p>
      </form>
      <p><a href="/inboxes/{{id}}/findings.csv">下载全部问题清单（CSV）</a></p>
    </section>
    </div>
    {{#jobs}}<p class="notice" role="status"><a href="/jobs/{{id}}">一批上传的材料正在读取中，查看进度</a></p>{{/jobs}}
    <form class="filter" method="get" action="/inboxes/{{id}}" role="search">
      <label for="q">查找</label><input id="q" name="q" value="{{search}}" placeholder="单位、项目或信用代码">
      <label for="show">显示</label><select id="show" name="show">{{#views}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/views}}</select>
      <button type="submit">筛选</button>{{#filtered}} <a href="/inboxes/{{id}}">显示全部</a>{{/filtered}}
    </form>
    <table id="submissions">
      <caption>已收到的申报材料（{{count}} 份{{#filtered}}，符合条件的 {{shown}} 份{{/filtered}}{{#paging}}{{^all}}，本页第 {{first}}–{{last}} 份{{/all}}{{/paging}}）</caption>
      <thead><tr>{{#columns}}<th scope="col" aria-sort="{{sort}}"><a href="{{link}}">{{name}}</a> {{arrow}}</th>{{/columns}}
      <th scope="col">Word</th><th scope="col">PDF</th></tr></thead>
      <tbody>
      {{{rows}}}
      {{^hasSubmissions}}<tr><td colspan="10">{{#filtered}}没有符合条件的材料。{{/filtered}}{{^filtered}}尚未收到材料。{{/filtered}}</td></tr>{{/hasSubmissions}}
      </tbody>
    </table>
    {{#paging}}<nav class="pages" aria-label="分页">{{^all}}第 {{page}} / {{pages}} 页：{{#previous}}<a href="{{.}}" rel="prev">上一页</a> {{/previous}}{{#numbers}}{{#current}}<strong aria-current="page">{{number}}</strong>{{/current}}{{^current}}<a href="{{link}}">{{number}}</a>{{/current}} {{/numbers}}{{#next}}<a href="{{.}}" rel="next">下一页</a> {{/next}}· <a href="{{everyRow}}">在一页中显示全部（打印用）</a>{{/all}}{{#all}}<a href="{{firstPage}}">分页显示</a>{{/all}}</nav>{{/paging}}
    {{/content}}{{/layout}}
    """

    static let job = """
    {{<layout}}{{$content}}
    <div id="job" data-job="{{id}}" data-state="{{state}}">
    {{#waiting}}
    <noscript><meta http-equiv="refresh" content="3"></noscript>
    <p role="status" aria-live="polite"><label for="job-progress">正在读取和校验申报书</label>
    <progress id="job-progress" max="{{booksTotal}}" {{#hasTotal}}value="{{booksDone}}"{{/hasTotal}}>{{progressText}}</progress>
    <span id="job-text">{{progressText}}</span></p>
    <p class="meta">可以离开本页：读取在服务器上继续，完成后材料出现在收件箱中。</p>
    {{/waiting}}
    {{#done}}
    <div id="job-finished" class="notice ok" role="status"><p>读取完成，已保存 {{count}} 份申报材料。</p>
    <p><a href="/inboxes/{{inboxID}}">返回收件箱</a>{{#submission}} · <a href="/submissions/{{submission}}">查看该材料</a>{{/submission}}</p></div>
    {{/done}}
    {{#failed}}
    <div id="job-finished" class="notice error" role="alert"><p>读取未完成：{{error}}</p><p><a href="/inboxes/{{inboxID}}">返回收件箱</a></p></div>
    {{/failed}}
    {{#hasRefused}}
    <section aria-labelledby="refused-title"><h2 id="refused-title">未接收的文件</h2>
    <ul class="refused">{{#refused}}<li>{{.}}</li>{{/refused}}</ul></section>
    {{/hasRefused}}
    </div>
    {{/content}}{{/layout}}
    """

    static let submission = """
    {{<layout}}{{$content}}
    <p class="meta"><a href="/inboxes/{{inboxID}}">← 返回收件箱</a></p>
    <dl class="facts">
      <dt>申报单位</dt><dd>{{applicant}}</dd>
      <dt>项目名称</dt><dd>{{project}}</dd>
      <dt>统一社会信用代码</dt><dd class="code">{{uscc}}</dd>
      <dt>材料位置</dt><dd>{{name}}</dd>
      <dt>收到时间</dt><dd>{{arrived}}</dd>
      <dt>错误 / 警告</dt><dd>{{errors}} / {{warnings}}</dd>
      <dt>盖章件</dt><dd class="{{#copyBad}}bad{{/copyBad}}">{{copy}}</dd>
      <dt>推荐意见</dt><dd>{{decisionName}}{{#hasNote}}（{{note}}）{{/hasNote}}</dd>
    </dl>
    <form class="card" method="post" action="/submissions/{{id}}/decision">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <fieldset><legend>推荐意见{{#quota}}（本申报类别名额 {{quota}} 个）{{/quota}}</legend>
        <input type="radio" id="d-yes" name="decision" value="recommended" {{#isRecommended}}checked{{/isRecommended}}><label for="d-yes">推荐</label>
        <input type="radio" id="d-no" name="decision" value="not-recommended" {{#isNotRecommended}}checked{{/isNotRecommended}}><label for="d-no">不推荐</label>
        <input type="radio" id="d-none" name="decision" value="none" {{#isUndecided}}checked{{/isUndecided}}><label for="d-none">未定</label>
        <p><label for="note">说明</label><textarea id="note" name="note" rows="2" cols="60" maxlength="500">{{note}}</textarea></p>
      </fieldset>
      <p><button type="submit">保存推荐意见</button></p>
    </form>
    {{#hasGeneral}}
    <h2>整份材料的问题</h2>
    <table><thead><tr><th scope="col">级别</th><th scope="col">规则</th><th scope="col">字段</th><th scope="col">说明</th></tr></thead>
    <tbody>{{#general}}<tr class="{{severity}}"><td>{{severityName}}</td><td class="code">{{rule}}</td><td>{{label}}</td><td>{{message}}</td></tr>{{/general}}</tbody></table>
    {{/hasGeneral}}
    {{#files}}
    <section class="file" aria-labelledby="file-{{id}}">
      <h2 id="file-{{id}}">{{name}}</h2>
      <p class="meta">{{kindName}} · {{sizeText}} · <a href="/files/{{id}}" download>下载原件</a></p>
      <details class="replace"><summary>替换此文件（申报单位寄来了新版本）</summary>
      <form method="post" action="/files/{{id}}/replace" enctype="multipart/form-data" data-upload>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="replace-{{id}}">新版本</label><input id="replace-{{id}}" name="files" type="file" required>
        <button type="submit">替换并重新校验</button></p>
        <p class="progress" role="status" aria-live="polite" hidden><progress max="100" value="0"></progress> <span></span></p>
      </form></details>
      {{#readError}}<p class="notice error">无法读取：{{readError}}</p>{{/readError}}
      {{#hasFindings}}
      <table><caption>问题</caption><thead><tr><th scope="col">级别</th><th scope="col">规则</th><th scope="col">字段</th><th scope="col">说明</th></tr></thead>
      <tbody>{{#findings}}<tr class="{{severity}}"><td>{{severityName}}</td><td class="code">{{rule}}</td><td>{{label}}</td><td>{{message}}</td></tr>{{/findings}}</tbody></table>
      {{/hasFindings}}
      <div class="file-body{{#preview}} with-preview{{/preview}}">
      {{#hasFields}}
      <details class="file-fields" open><summary>读出的字段（{{fieldCount}} 项）</summary>
      <table><thead><tr><th scope="col">字段</th><th scope="col">内容</th></tr></thead>
      <tbody>{{#fields}}<tr><th scope="row">{{label}}</th><td>{{value}}</td></tr>{{/fields}}</tbody></table>
      </details>
      {{/hasFields}}
      {{#preview}}<div class="file-preview">{{>filepreview}}</div>{{/preview}}
      </div>
    </section>
    {{/files}}
    {{#hasHistory}}
    <section aria-labelledby="history-title" class="history">
    <h2 id="history-title">被替换的旧版本</h2>
    <table><thead><tr><th scope="col">文件</th><th scope="col">大小</th><th scope="col">替换时间</th><th scope="col">替换为</th></tr></thead>
    <tbody>{{#history}}<tr><td><a href="/files/{{id}}" download>{{name}}</a></td><td>{{sizeText}}</td><td>{{replacedAt}}</td><td>{{replacedBy}}</td></tr>{{/history}}</tbody></table>
    </section>
    {{/hasHistory}}
    {{/content}}{{/layout}}
    """

    static let account = """
    {{<layout}}{{$content}}
    <p class="meta"><a href="/admin/accounts">← 返回账户管理</a>　登录名：{{login}}　市州：{{region}}</p>
    {{#message}}<p class="notice {{kind}}" role="status">{{message}}</p>{{/message}}
    <form class="card" method="post" action="/admin/accounts/{{id}}">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <fieldset><legend>负责的申报类别及推荐名额（名额留空为不限）</legend>
      {{#calls}}
      <p><input type="checkbox" id="call-{{id}}" name="call" value="{{id}}"{{#checked}} checked{{/checked}}><label for="call-{{id}}">{{title}}（{{id}}）</label>
      <label for="quota-{{id}}">名额</label><input id="quota-{{id}}" name="quota-{{id}}" type="number" min="0" max="9999" inputmode="numeric" value="{{quota}}"></p>
      {{/calls}}
      </fieldset>
      <p><label for="password">新密码</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="10"
      aria-describedby="password-hint"> <small id="password-hint">不改密码请留空；改后该账户须重新登录</small></p>
      <p><button type="submit">保存</button></p>
    </form>
    {{/content}}{{/layout}}
    """

    static let accounts = """
    {{<layout}}{{$content}}
    {{#message}}<p class="notice {{kind}}" role="status">{{message}}</p>{{/message}}
    <table>
      <caption>账户</caption>
      <thead><tr><th scope="col">登录名</th><th scope="col">名称</th><th scope="col">角色</th><th scope="col">市州</th></tr></thead>
      <tbody>{{#accounts}}<tr><td>{{#bureau}}<a href="/admin/accounts/{{id}}">{{login}}</a>{{/bureau}}{{^bureau}}{{login}}{{/bureau}}</td>
      <td>{{name}}</td><td>{{role}}</td><td>{{region}}</td></tr>{{/accounts}}</tbody>
    </table>
    <form class="card" method="post" action="/admin/accounts">
      <h2>新建推荐单位账户</h2>
      <input type="hidden" name="csrf" value="{{csrf}}">
      <p><label for="login">登录名</label><input id="login" name="login" required pattern="[A-Za-z0-9_.-]{2,40}" aria-describedby="login-hint">
      <small id="login-hint">2–40 个字母、数字、下划线、点或连字符</small></p>
      <p><label for="displayName">推荐单位名称</label><input id="displayName" name="displayName" required></p>
      <p><label for="region">市州/地市</label><input id="region" name="region" required></p>
      <p><label for="password">初始密码</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="10"></p>
      <fieldset><legend>负责的申报类别及推荐名额</legend>
      {{#calls}}
      <p><input type="checkbox" id="call-{{id}}" name="call" value="{{id}}"><label for="call-{{id}}">{{title}}（{{id}}）</label>
      <label for="quota-{{id}}">名额</label><input id="quota-{{id}}" name="quota-{{id}}" type="number" min="0" max="9999" inputmode="numeric"></p>
      {{/calls}}
      </fieldset>
      <p><button type="submit">创建账户</button></p>
    </form>
    {{/content}}{{/layout}}
    """
}
