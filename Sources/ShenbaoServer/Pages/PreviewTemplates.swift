/// The partials of a file's preview on the submission page (`{{>filepreview}}`); `filetext` is also the
/// answer of `/files/:id/text`.
enum PreviewTemplates {
    static let all: [String: String] = ["filepreview": filePreview, "filetext": fileText]

    static let filePreview = """
    {{#previewError}}<p class="notice error">无法预览：{{previewError}}</p>{{/previewError}}
    {{#isPDF}}
    <p class="meta">{{sealNote}}{{#limitNote}}；{{limitNote}}{{/limitNote}}</p>
    {{#pages}}
    <figure class="page" id="file-{{fileID}}-page-{{number}}">
      <a href="/files/{{fileID}}/pages/{{number}}.png" title="查看原尺寸"><img src="/files/{{fileID}}/pages/{{number}}.png" loading="lazy" width="{{width}}" height="{{height}}" alt="{{alt}}"></a>
      <figcaption>第 {{number}} 页{{#hasSeal}} · 有印章{{/hasSeal}}</figcaption>
    </figure>
    {{/pages}}
    {{/isPDF}}
    {{#isWord}}
    <details class="book-text-box"><summary>Word 文档全文</summary>
    {{>filetext}}
    </details>
    {{/isWord}}
    """

    static let fileText = """
    <div class="book-text">
    {{#textBlocks}}
    {{#isTable}}<table class="book-table"><tbody>{{#textRows}}<tr>{{#textCells}}<td colspan="{{colspan}}" rowspan="{{rowspan}}">{{cellText}}</td>{{/textCells}}</tr>{{/textRows}}</tbody></table>{{/isTable}}
    {{^isTable}}<p{{#textHeading}} class="heading"{{/textHeading}}>{{textPara}}</p>{{/isTable}}
    {{/textBlocks}}
    {{#truncated}}<p class="meta">（正文过长，只显示前 20 万字；完整内容请下载原件查看）</p>{{/truncated}}
    </div>
    """
}
