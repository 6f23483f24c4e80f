/// The applicant's pages: registering, the list of its applications and one application's form.
enum ApplicantPageTemplates {
    static let all: [String: String] = ["register": register, "applications": applications, "application": application]

    static let register = """
    {{<layout}}{{$content}}
    {{#message}}<p class="notice error" role="alert">{{message}}</p>{{/message}}
    <form class="card" method="post" action="/register">
      <input type="hidden" name="csrf" value="{{formToken}}">
      <p>申报单位在此注册后，可在网上填写申报书、随填随查，下载申报书和承诺书，并提交给推荐单位。</p>
      <p><label for="uscc">统一社会信用代码</label><input id="uscc" name="uscc" required maxlength="18" value="{{uscc}}"
         autocomplete="off" aria-describedby="uscc-hint"> <small id="uscc-hint">18 位，注册后作为登录名</small></p>
      <p><label for="name">单位名称</label><input id="name" name="name" required maxlength="100" value="{{name}}"></p>
      <p><label for="contact">联系人及电话</label><input id="contact" name="contact" required maxlength="100" value="{{contact}}"></p>
      <p><label for="password">密码</label><input id="password" name="password" type="password" required minlength="10"
         autocomplete="new-password" aria-describedby="password-hint"> <small id="password-hint">至少 10 位</small></p>
      <p><button type="submit">注册</button></p>
    </form>
    <p><a href="/login">已注册？登录</a></p>
    {{/content}}{{/layout}}
    """

    static let applications = """
    {{<layout}}{{$content}}
    <p class="meta">申报单位：{{applicant}}　统一社会信用代码：<span class="code">{{uscc}}</span></p>
    <table id="applications">
      <caption>我的申报（{{count}} 份）</caption>
      <thead><tr><th scope="col">申报类别</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">最后保存</th><th scope="col">状态</th></tr></thead>
      <tbody>
      {{#applications}}<tr><td><a href="/applications/{{id}}">{{callTitle}}</a></td>
      <td class="{{#hasErrors}}bad{{/hasErrors}}">{{errors}}</td><td class="{{#hasWarnings}}warn{{/hasWarnings}}">{{warnings}}</td><td class="nowrap">{{updated}}</td><td>{{status}}</td></tr>{{/applications}}
      {{^applications}}<tr><td colspan="5">还没有申报。请在下面选择申报类别开始填写。</td></tr>{{/applications}}
      </tbody>
    </table>
    <form class="card" method="post" action="/applications">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <p><label for="call">申报类别</label><select id="call" name="call">{{#calls}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{title}}</option>{{/calls}}</select>
      <button type="submit">开始填写</button></p>
      <p class="meta">每个申报类别一份；已开始的申报请在上表中打开继续填写。</p>
    </form>
    {{/content}}{{/layout}}
    """

    static let application = """
    {{<layout}}{{$content}}
    <p class="meta"><a href="/applications">← 我的申报</a>　最后保存：{{updated}}</p>
    {{#unchecked}}<p class="notice" role="status">逐栏填写后点「保存并检查」：按申报通知的要求检查，问题标在各栏旁边；随时可以保存，下次接着填。</p>{{/unchecked}}
    {{#imported}}<section class="notice ok" role="status" aria-labelledby="imported-title"><h2 id="imported-title">已从 {{file}} 读出 {{fields}} 项</h2>
    <p>读出的内容已填入下面各栏，请逐项核对；没有读出的栏目仍为空。</p>
    {{#hasReading}}<p>读取时需要注意：</p><ul>{{#reading}}<li class="{{severity}}">{{#anchor}}<a href="#{{anchor}}">{{label}}</a>：{{/anchor}}{{message}}</li>{{/reading}}</ul>{{/hasReading}}</section>{{/imported}}
    {{#classification}}<section class="card" aria-labelledby="class-title" id="classification"><h2 id="class-title">企业分类：{{class}}</h2>
    <p>计入统计的营业收入：{{counted}} 万元（营业收入的 {{percent}}%）</p>
    <p class="meta">依据：{{reason}}（<span class="code">{{rule}}</span>）</p></section>{{/classification}}
    {{#classificationPending}}<p class="notice" id="classification">填写全年营业收入和人工智能业务收入并保存后，这里显示企业分类。</p>{{/classificationPending}}
    <div id="check-summary">{{#saved}}<p class="notice {{#hasErrors}}error{{/hasErrors}}{{^hasErrors}}ok{{/hasErrors}}" role="status">已保存。{{summary}}</p>{{/saved}}
    {{#hasFieldFindings}}<nav class="card appform-todo" aria-labelledby="todo-title"><h2 id="todo-title">需要处理的栏目</h2>
    <ul>{{#fieldFindings}}<li class="{{severity}}"><span class="badge">{{severityName}}</span> <a href="#{{anchor}}">{{label}}</a>：{{message}}</li>{{/fieldFindings}}</ul>
    {{#moreFieldFindings}}<p class="meta">另有 {{.}} 项，见各栏旁边。</p>{{/moreFieldFindings}}</nav>{{/hasFieldFindings}}</div>
    {{#hasGeneral}}<section aria-labelledby="general-title"><h2 id="general-title">整份申报的问题</h2>
    <ul>{{#general}}<li class="{{severity}}"><span class="code">{{rule}}</span> {{message}}</li>{{/general}}</ul></section>{{/hasGeneral}}
    <section class="card" aria-labelledby="downloads-title"><h2 id="downloads-title">下载</h2>
    <p>{{#hasBook}}<a href="/applications/{{id}}/book.docx">申报书（Word）</a> · {{/hasBook}}{{#hasDeclaration}}<a href="/applications/{{id}}/declaration.docx">承诺书（Word）</a> · {{/hasDeclaration}}
    <a href="/applications/{{id}}/data.yaml">数据（YAML，供 shenbao fill 使用）</a> · <a href="/applications/{{id}}/data.json">数据（JSON）</a></p>
    {{#hasBook}}{{#hasErrors}}<p class="meta">还有错误时下载的是草稿：缺少或有误的内容标为【待补充：…】。</p>{{/hasErrors}}{{/hasBook}}
    {{^hasBook}}<p class="meta">本类别在线填报，不生成申报书；保存后的数据即为填报内容。</p>{{/hasBook}}
    </section>
    <p class="notice" role="status" id="application-status">状态：{{status}}</p>
    {{^submitted}}
    <form class="application" method="post" action="/applications/{{id}}" novalidate>
      <input type="hidden" name="csrf" value="{{csrf}}">
      {{#form}}{{> applicationFields}}{{/form}}
      <p class="actions"><button type="submit">保存并检查</button> <span id="autosave" class="meta" role="status" aria-live="polite"></span></p>
    </form>
    <form class="card" method="post" action="/applications/{{id}}/import" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <h2>已经写好了申报书？</h2>
      <p><label for="book">上传 Word 或 PDF</label><input id="book" name="files" type="file" accept=".docx,.pdf,.doc,.wps" required>
      <button type="submit">读入并检查</button></p>
      <p class="meta">读出的内容会替换下面各栏已填的内容；这是寄出前的检查，不会提交。</p>
    </form>
    {{#hasBook}}
    <form class="card" method="post" action="/applications/{{id}}/submit" enctype="multipart/form-data" data-upload>
      <input type="hidden" name="csrf" value="{{csrf}}">
      <h2>提交给推荐单位</h2>
      {{#hasErrors}}<p class="notice error">还有 {{errorCount}} 项错误，改正并保存后才能提交。</p>{{/hasErrors}}
      {{#bureaus}}
      {{^hasBureaus}}<p class="notice error">还没有推荐单位受理这个申报类别；请联系管理员。</p>{{/hasBureaus}}
      {{#manyRegions}}<p><label for="bureau-region">所在市州</label><select id="bureau-region" data-filters="bureau"><option value="">全部市州</option>{{#groups}}<option value="{{region}}"{{#selected}} selected{{/selected}}>{{region}}</option>{{/groups}}</select></p>{{/manyRegions}}
      <p><label for="bureau">推荐单位</label><select id="bureau" name="bureau" required>{{#noneSelected}}<option value="">请选择推荐单位</option>{{/noneSelected}}{{#groups}}<optgroup label="{{region}}">{{#bureaus}}<option value="{{inbox}}" data-region="{{region}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/bureaus}}</optgroup>{{/groups}}</select></p>
      {{#named}}<p class="meta" id="bureau-named">申报书中填写的推荐单位：{{named}}。所选推荐单位须在同一市州。</p>{{/named}}
      {{/bureaus}}
      <p><label for="attachments">盖章的申报书 PDF 及佐证材料</label><input id="attachments" name="files" type="file" multiple></p>
      <p class="meta">申报书（Word）由本页填写的内容生成，一并提交；附件请用 PDF 或图片。每个申报类别只能提交一次。</p>
      {{#attachments}}
      {{#pdfName}}<p class="meta" id="pdf-name">本类别规定了文件名：盖章的申报书 PDF 请命名为「{{pdfName}}」。</p>{{/pdfName}}
      {{#hasEvidence}}<p class="meta">本类别要求的佐证材料（按文件名识别，请让文件名含有所列字样）：</p>
      <ul class="meta" id="evidence-asked">{{#evidence}}<li>{{name}}（{{match}}）</li>{{/evidence}}</ul>{{/hasEvidence}}
      {{/attachments}}
      <p><button type="submit">提交</button></p>
      <p class="progress" role="status" aria-live="polite" hidden><progress max="100" value="0"></progress> <span></span></p>
    </form>
    {{/hasBook}}
    {{/submitted}}
    {{#submitted}}{{#form}}<fieldset disabled>{{> applicationFields}}</fieldset>{{/form}}{{/submitted}}
    {{/content}}{{/layout}}
    """
}
