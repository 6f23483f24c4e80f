/// The applicant's form (`{{>applicationFields}}`, values from `ApplicationForm.values`): one fieldset per
/// section of the book, one row per catalogue field. No `<form>`, token or buttons: the page around it
/// adds those. Everything here is generic; no call is named.
enum ApplicationTemplates {
    static let all: [String: String] = [
        "applicationFields": fields, "applicationFieldHelp": help, "applicationListRow": listRow,
    ]

    static let fields = """
    <div class="appform" data-call="{{callID}}">
    {{#hasGeneralFindings}}<ul class="appform-findings general">{{#generalFindings}}<li class="{{severity}}"{{#isError}} role="alert"{{/isError}}><strong>{{severityName}}</strong> {{message}} <span class="rule">{{rule}}</span></li>{{/generalFindings}}</ul>{{/hasGeneralFindings}}
    <p class="appform-legend-note">带 <span class="req">*</span> 的为必填项。</p>
    {{#sections}}
    <fieldset class="appform-section" id="{{sectionID}}">
    <legend>{{section}}</legend>
    {{#fields}}
    {{#group}}<h3 class="appform-group">{{.}}</h3>{{/group}}
    {{#isInput}}
    <div class="appform-field{{#hasError}} has-error{{/hasError}}{{#isTotal}} appform-total{{/isTotal}}{{#depth}} appform-depth-{{.}}{{/depth}}" id="{{htmlID}}-box" data-field="{{id}}" data-type="{{type}}">
      <label class="appform-label" for="{{htmlID}}">{{label}}{{#required}}<span class="req" aria-hidden="true">*</span><span class="sr-only">（必填）</span>{{/required}}</label>
      <div class="appform-input">
        <input id="{{htmlID}}" name="{{name}}" type="{{input.inputType}}" value="{{value}}"{{#input.step}} step="{{.}}"{{/input.step}}{{#input.inputmode}} inputmode="{{.}}"{{/input.inputmode}}{{#input.pattern}} pattern="{{.}}"{{/input.pattern}}{{#input.placeholder}} placeholder="{{.}}"{{/input.placeholder}}{{#input.maxlength}} maxlength="{{.}}"{{/input.maxlength}}{{#input.size}} size="{{.}}"{{/input.size}}{{#input.autocomplete}} autocomplete="{{.}}"{{/input.autocomplete}}{{#input.autocapitalize}} autocapitalize="{{.}}"{{/input.autocapitalize}}{{#required}} required{{/required}}{{#hasError}} aria-invalid="true"{{/hasError}}{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}>{{#input.unit}}<span class="unit">{{.}}</span>{{/input.unit}}
        {{#sumOf}}<output class="appform-sum" data-sum-of="{{.}}" for="{{htmlID}}" aria-live="polite"></output>{{/sumOf}}
        {{>applicationFieldHelp}}
      </div>
    </div>
    {{/isInput}}
    {{#isLongtext}}
    <div class="appform-field appform-long{{#hasError}} has-error{{/hasError}}" id="{{htmlID}}-box" data-field="{{id}}" data-type="{{type}}">
      <label class="appform-label" for="{{htmlID}}">{{label}}{{#required}}<span class="req" aria-hidden="true">*</span><span class="sr-only">（必填）</span>{{/required}}</label>
      <div class="appform-input">
        {{>applicationFieldHelp}}
        <textarea id="{{htmlID}}" name="{{name}}" rows="{{rows}}" data-count="{{htmlID}}-count"{{#limit}} data-limit="{{.}}"{{/limit}}{{#required}} required{{/required}}{{#hasError}} aria-invalid="true"{{/hasError}}{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}>{{value}}</textarea>
        <p class="appform-count{{#over}} over{{/over}}" id="{{htmlID}}-count" aria-live="polite">已写 {{count}}{{#limit}} / 限 {{.}}{{/limit}} 字</p>
      </div>
    </div>
    {{/isLongtext}}
    {{#isDaterange}}
    <fieldset class="appform-field{{#hasError}} has-error{{/hasError}}" id="{{htmlID}}-box" data-field="{{id}}" data-type="{{type}}"{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}>
      <legend class="appform-label">{{label}}{{#required}}<span class="req" aria-hidden="true">*</span><span class="sr-only">（必填）</span>{{/required}}</legend>
      <div class="appform-input">
        <span class="appform-range"><label for="{{htmlID}}-start">自</label><input id="{{htmlID}}-start" name="{{name}}.start" value="{{start}}" placeholder="2024-03" size="12"{{#required}} required{{/required}}{{#hasError}} aria-invalid="true"{{/hasError}}>
        <label for="{{htmlID}}-end">至</label><input id="{{htmlID}}-end" name="{{name}}.end" value="{{end}}" placeholder="2025-12" size="12"{{#required}} required{{/required}}{{#hasError}} aria-invalid="true"{{/hasError}}></span>
        {{>applicationFieldHelp}}
      </div>
    </fieldset>
    {{/isDaterange}}
    {{#isChoice}}
    <fieldset class="appform-field appform-choice{{#hasError}} has-error{{/hasError}}" id="{{htmlID}}-box" data-field="{{id}}" data-type="{{type}}"{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}>
      <legend class="appform-label">{{label}}{{#required}}<span class="req" aria-hidden="true">*</span><span class="sr-only">（必填）</span>{{/required}}<span class="appform-kind">（单选）</span></legend>
      <div class="appform-input">
        <div class="appform-options">{{#options}}<span class="appform-option"><input type="radio" id="{{optionID}}" name="{{name}}" value="{{option}}"{{#checked}} checked{{/checked}}{{#required}} required{{/required}}><label for="{{optionID}}">{{option}}</label>{{#isOther}}<label class="sr-only" for="{{noteID}}">{{option}}，请注明</label><input class="appform-other" id="{{noteID}}" name="{{noteName}}" value="{{note}}" placeholder="请注明" size="14">{{/isOther}}</span>{{/options}}</div>
        {{#unknown}}<p class="appform-unknown">原数据中的“{{.}}”不是表中的选项，请重新选择。</p>{{/unknown}}
        {{>applicationFieldHelp}}
      </div>
    </fieldset>
    {{/isChoice}}
    {{#isMultichoice}}
    <fieldset class="appform-field appform-multi{{#hasError}} has-error{{/hasError}}" id="{{htmlID}}-box" data-field="{{id}}" data-type="{{type}}"{{#max}} data-max="{{.}}"{{/max}}{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}>
      <legend class="appform-label">{{label}}{{#required}}<span class="req" aria-hidden="true">*</span><span class="sr-only">（必填）</span>{{/required}}<span class="appform-kind">（可多选）</span></legend>
      <div class="appform-input">
        <div class="appform-options">{{#options}}<span class="appform-option"><input type="checkbox" id="{{optionID}}" name="{{name}}" value="{{option}}"{{#checked}} checked{{/checked}}><label for="{{optionID}}">{{option}}</label>{{#isOther}}<label class="sr-only" for="{{noteID}}">{{option}}，请注明</label><input class="appform-other" id="{{noteID}}" name="{{noteName}}" value="{{note}}" placeholder="请注明" size="14">{{/isOther}}</span>{{/options}}</div>
        {{#unknown}}<p class="appform-unknown">原数据中的“{{.}}”不是表中的选项，请重新选择。</p>{{/unknown}}
        {{#max}}<p class="appform-status" role="status" aria-live="polite"></p>{{/max}}
        {{>applicationFieldHelp}}
      </div>
    </fieldset>
    {{/isMultichoice}}
    {{#isList}}
    <fieldset class="appform-field appform-list{{#hasError}} has-error{{/hasError}}" id="{{htmlID}}-box" data-field="{{id}}" data-type="{{type}}" data-next="{{nextIndex}}"{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}>
      <legend class="appform-label">{{label}}{{#required}}<span class="req" aria-hidden="true">*</span><span class="sr-only">（必填）</span>{{/required}}</legend>
      <div class="appform-input">
        {{>applicationFieldHelp}}
        <table class="appform-rows">
          {{#hasColumns}}<thead><tr><th scope="col">序号</th>{{#columns}}<th scope="col">{{column}}</th>{{/columns}}<th scope="col"><span class="sr-only">删除</span></th></tr></thead>{{/hasColumns}}
          <tbody>{{#rows}}{{>applicationListRow}}{{/rows}}</tbody>
        </table>
        <template>{{#template}}{{>applicationListRow}}{{/template}}</template>
        <p><button type="button" class="appform-add" data-add hidden>添加一行</button></p>
      </div>
    </fieldset>
    {{/isList}}
    {{/fields}}
    </fieldset>
    {{/sections}}
    </div>
    """

    /// A field's help (the printed hints, then the limits) and its findings, referred to by `aria-describedby`.
    static let help = """
    {{#hasHelp}}<div class="appform-help" id="{{helpID}}">{{#hints}}<p>{{.}}</p>{{/hints}}{{#hasNotes}}<p class="appform-notes">{{notes}}</p>{{/hasNotes}}</div>{{/hasHelp}}
    {{#hasFindings}}<ul class="appform-findings" id="{{findingsID}}">{{#findings}}<li class="{{severity}}"{{#isError}} role="alert"{{/isError}}><strong>{{severityName}}</strong> {{message}} <span class="rule">{{rule}}</span></li>{{/findings}}</ul>{{/hasFindings}}
    """

    /// One row of a list: a cell per column, or one input; the template row carries `__i__`/`__n__` for the script.
    static let listRow = """
    <tr><td class="appform-n">{{rowNumber}}</td>{{#hasColumns}}{{#cells}}<td><label class="sr-only" for="{{cellID}}">{{cellLabel}}</label><input id="{{cellID}}" name="{{cellName}}" value="{{cellValue}}"></td>{{/cells}}{{/hasColumns}}{{^hasColumns}}<td><label class="sr-only" for="{{rowID}}">{{label}} 第 {{rowNumber}} 项</label><input id="{{rowID}}" name="{{rowName}}" value="{{value}}"></td>{{/hasColumns}}<td><button type="button" class="appform-remove" data-remove hidden>删除</button></td></tr>
    """
}
