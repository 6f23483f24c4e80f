import ShenbaoModel

/// What a call asks of a book's structure, of one applicant's submission folder and of a bureau's
/// inbox — from the `structure:`, `submission:` and `inbox:` parts of `call.yaml`.
public struct SubmissionSpec: Sendable, Equatable {
    /// Headings the book must contain (`一、单位基本情况表` …).
    public var sections: [String] = []
    /// Items that must appear in this order (`（一）单位基本情况表` … `（七）承诺书`).
    public var orderedItems: [String] = []
    /// The declaration letter (承诺书): its title, how many numbered pledges, the signature lines.
    public var declaration: Declaration?
    /// A heading whose text feeds the summary table's description (Hubei: 项目概述).
    public var overview: String?
    /// Fields that must agree between the Word file and a text PDF of the same submission.
    public var keyFields: [String] = []
    /// Field ids whose values, joined by `-`, make the required file name (Guangdong: 单位名称-应用场景名称).
    public var fileName: [String] = []
    /// Whether a submission must include a (stamped) PDF besides the Word book (`submission.pdf`).
    public var pdfRequired = true
    /// The places of the stamped copy that must carry the applicant's seal (`submission.seals`).
    public var seals: [RequiredSeal] = []

    /// A place that must carry a seal: the line that asks for it (`申报单位（盖章）`) and its page.
    public struct RequiredSeal: Sendable, Equatable {
        public enum Page: String, Sendable, Equatable {
            /// The first page.
            case cover
            /// The page of the 承诺书 (the declaration's title).
            case declaration
        }
        public var label: String
        public var page: Page
    }
    /// Supporting documents (佐证材料) a submission must include, found by file name.
    public var evidence: [Evidence] = []
    /// Limits on pictures and video sent with the book.
    public var media: MediaLimits?
    /// Recommendation quotas per recommending-unit kind, and whether an applicant may submit once only.
    public var quotas: [String: Int] = [:]
    /// The fields quotas are counted by (`inbox.quota-fields`: the unit's kind and the unit).
    public var quotaFields: QuotaFields?
    public struct QuotaFields: Sendable, Equatable {
        public var kind: String
        public var unit: String
    }
    public var onePerApplicant = true
    /// The field holding the applicant's 统一社会信用代码 (for one-per-applicant), and its name.
    public var applicantCode: String?
    public var applicantName: String?

    public struct Declaration: Sendable, Equatable {
        public var title: String
        public var pledges: Int
        public var signatures: [String]
    }

    public struct Evidence: Sendable, Equatable {
        /// What the form calls it (营业执照).
        public var name: String
        /// Words any of which in a file name means the file is this evidence.
        public var match: [String]
    }

    public struct MediaLimits: Sendable, Equatable {
        /// The field the pictures and video belong to (its findings name it).
        public var field: String?
        public var maxImages: Int
        public var minImageMB: Double
        public var maxVideoMB: Double
        public var videoExtensions: [String]
    }

    public init() {}
}
