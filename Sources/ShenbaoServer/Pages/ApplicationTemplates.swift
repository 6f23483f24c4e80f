/// Placeholder partial of the generated form.
enum ApplicationTemplates {
    static let all: [String: String] = ["applicationFields": """
    {{#fields}}<p><label for="{{id}}">{{label}}</label><input id="{{id}}" name="{{id}}" value="{{value}}">{{#findings}} {{message}}{{/findings}}</p>{{/fields}}
    """]
}
