import Foundation
import ShenbaoKit

/// Placeholder until the generated form lands: every field as a text input, in catalogue order.
struct ApplicationForm {
    let spec: CallSpec

    init(spec: CallSpec) { self.spec = spec }

    func values(data: [String: Any], findings: [Finding]) -> [String: Any] {
        ["fields": spec.fields.map { field -> [String: Any] in
            ["id": field.id, "label": field.displayLabel, "value": (data[field.id] as? String) ?? "",
             "findings": findings.filter { $0.field == field.id }.map { ["message": $0.message] }]
        }]
    }

    static func data(from form: FormFields, spec: CallSpec) -> [String: Any] {
        var data: [String: Any] = [:]
        for field in spec.fields { if let value = form[field.id], !value.isEmpty { data[field.id] = value } }
        return data
    }
}
