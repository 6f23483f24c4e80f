import Yams

/// `call.yaml` read from its node tree field by field: the same keys (the `CodingKeys`), types and absent values
/// as `CallFile`'s `Decodable` conformance, which the call-folder checker and `KeySchema` keep using.
///
/// The loader reads this way because the first Codable decoding in a process instantiates every generic container
/// and looks up every conformance it meets (about 5 ms of the five calls' 8 ms), paid by every command before its
/// first book. `CallFileNodeTests` hold both readings equal on every call folder and on hand-made edge cases.
extension CallFile {
    init(node: Node) throws {
        let root = try YAMLFields(node, path: "")
        id = try root.required("id", \.string, "文字")
        title = try root.required("title", \.string, "文字")
        notice = try root.value(CodingKeys.notice.rawValue, \.string, "文字")
        seed = try root.value(CodingKeys.seed.rawValue, \.string, "文字")
        detect = try root.strings(CodingKeys.detect.rawValue)
        aliases = try root.list(CodingKeys.aliases.rawValue) { try YAMLFields.strings($0, path: $1) }
        headers = try root.strings(CodingKeys.headers.rawValue)
        hints = try root.strings(CodingKeys.hints.rawValue)
        locate = try root.dictionary(CodingKeys.locate.rawValue) { try Locate(node: $0, path: $1) }
        checks = try root.list(CodingKeys.checks.rawValue) { try CheckEntry(node: $0, path: $1) }
        keyEnterprise = try root.object(CodingKeys.keyEnterprise.rawValue) { fields in
            KeyEnterpriseEntry(field: try fields.required("field", \.string, "文字"), above: try fields.required("above", YAMLFields.number, "数字"))
        }
        structure = try root.object(CodingKeys.structure.rawValue) { try Structure(fields: $0) }
        listItemsNotCounted = try root.dictionary(CodingKeys.listItemsNotCounted.rawValue) { try YAMLFields.strings($0, path: $1) }
        submission = try root.object(CodingKeys.submission.rawValue) { try Submission(fields: $0) }
        inbox = try root.object(CodingKeys.inbox.rawValue) { try Inbox(fields: $0) }
    }
}

extension CallFile.Locate {
    init(node: Node, path: String) throws {
        let fields = try YAMLFields(node, path: path)
        label = try fields.value(CodingKeys.label.rawValue, \.string, "文字")
        row = try fields.value(CodingKeys.row.rawValue, \.string, "文字")
        occurrence = try fields.value(CodingKeys.occurrence.rawValue, YAMLFields.integer, "整数")
        after = try fields.value(CodingKeys.after.rawValue, \.string, "文字")
        heading = try fields.value(CodingKeys.heading.rawValue, YAMLFields.boolean, "true 或 false")
        from = try fields.value(CodingKeys.from.rawValue, \.string, "文字")
        to = try fields.value(CodingKeys.to.rawValue, \.string, "文字")
        capture = try fields.value(CodingKeys.capture.rawValue, \.string, "文字")
        markedBelow = try fields.value(CodingKeys.markedBelow.rawValue, YAMLFields.boolean, "true 或 false")
        columns = try fields.strings(CodingKeys.columns.rawValue)
        unit = try fields.value(CodingKeys.unit.rawValue, \.string, "文字")
    }
}

extension CheckEntry {
    init(node: Node, path: String) throws {
        let fields = try YAMLFields(node, path: path)
        kind = try fields.required(CodingKeys.kind.rawValue, \.string, "文字")
        field = try fields.value(CodingKeys.field.rawValue, \.string, "文字")
        self.fields = try fields.strings(CodingKeys.fields.rawValue)
        limit = try fields.value(CodingKeys.limit.rawValue, \.string, "文字")
        other = try fields.value(CodingKeys.other.rawValue, \.string, "文字")
        values = try fields.strings(CodingKeys.values.rawValue)
        parts = try fields.strings(CodingKeys.parts.rawValue)
        part = try fields.value(CodingKeys.part.rawValue, \.string, "文字")
        whole = try fields.value(CodingKeys.whole.rawValue, \.string, "文字")
        list = try fields.value(CodingKeys.list.rawValue, \.string, "文字")
        tolerance = try fields.value(CodingKeys.tolerance.rawValue, YAMLFields.number, "数字")
        groupsFile = try fields.value(CodingKeys.groupsFile.rawValue, \.string, "文字")
    }
}

extension CallFile.Structure {
    init(fields: YAMLFields) throws {
        sections = try fields.strings("sections")
        ordered = try fields.strings("ordered")
        declaration = try fields.object("declaration") { declaration in
            Declaration(title: try declaration.required("title", \.string, "文字"),
                        pledges: try declaration.value("pledges", YAMLFields.integer, "整数"), signatures: try declaration.strings("signatures"))
        }
        overview = try fields.value("overview", \.string, "文字")
    }
}

extension CallFile.Submission {
    init(fields: YAMLFields) throws {
        keyFields = try fields.strings(CodingKeys.keyFields.rawValue)
        fileName = try fields.strings(CodingKeys.fileName.rawValue)
        evidence = try fields.list(CodingKeys.evidence.rawValue) { node, path in
            let item = try YAMLFields(node, path: path)
            return Evidence(name: try item.required("name", \.string, "文字"), match: try item.strings("match"))
        }
        media = try fields.object(CodingKeys.media.rawValue) { media in
            typealias Key = Media.CodingKeys
            return Media(field: try media.value(Key.field.rawValue, \.string, "文字"),
                         maxImages: try media.value(Key.maxImages.rawValue, YAMLFields.integer, "整数"),
                         minImageMB: try media.value(Key.minImageMB.rawValue, YAMLFields.number, "数字"),
                         maxVideoMB: try media.value(Key.maxVideoMB.rawValue, YAMLFields.number, "数字"),
                         videoExtensions: try media.strings(Key.videoExtensions.rawValue))
        }
        pdf = try fields.value(CodingKeys.pdf.rawValue, \.string, "文字")
        seals = try fields.list(CodingKeys.seals.rawValue) { node, path in
            let item = try YAMLFields(node, path: path)
            return Seal(label: try item.required("label", \.string, "文字"), page: try item.required("page", \.string, "文字"))
        }
    }
}

extension CallFile.Inbox {
    init(fields: YAMLFields) throws {
        onePerApplicant = try fields.value(CodingKeys.onePerApplicant.rawValue, YAMLFields.boolean, "true 或 false")
        applicantCode = try fields.value(CodingKeys.applicantCode.rawValue, \.string, "文字")
        applicantName = try fields.value(CodingKeys.applicantName.rawValue, \.string, "文字")
        quotas = try fields.dictionary(CodingKeys.quotas.rawValue) { node, path in
            try YAMLFields.scalar(node, path: path, YAMLFields.integer, "整数")
        }
        quotaFields = try fields.object(CodingKeys.quotaFields.rawValue) { quota in
            QuotaFields(kind: try quota.required("kind", \.string, "文字"), unit: try quota.required("unit", \.string, "文字"))
        }
    }
}
