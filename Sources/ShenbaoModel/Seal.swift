/// A red seal (印章) found on a PDF page by `SealDetector`.
public struct Seal: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// A round or oval official seal (公章, 30–55 mm across).
        case round
        /// A square seal with a border (法人章 / 个人名章, 12–35 mm).
        case square
    }

    /// A rectangle from the page's top-left corner.
    public struct Rect: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        public var midX: Double { x + width / 2 }
        public var midY: Double { y + height / 2 }
    }

    /// 1-based page number.
    public var page: Int
    public var kind: Kind
    /// Bounding box of the seal's red ink in points (origin top-left, as poppler gives it).
    public var bounds: Rect
    /// The same box in millimetres at the page's scale (see `SealDetector` for oversized pages).
    public var boundsMM: Rect
    /// Mean of the box's width and height in millimetres.
    public var diameterMM: Double
    /// Share of the outline found: for a round seal, the angular sectors with red ink on the ring;
    /// for a square one, the mean coverage of its four sides (0–1).
    public var outlineCoverage: Double
    /// Share of the box's pixels that are red ink (a ring with text: about 0.1–0.45).
    public var inkShare: Double
    /// A score in 0–1 from the measured features; every reported seal passed the detector's thresholds.
    public var confidence: Double

    public init(page: Int, kind: Kind, bounds: Rect, boundsMM: Rect, diameterMM: Double,
                outlineCoverage: Double, inkShare: Double, confidence: Double) {
        self.page = page
        self.kind = kind
        self.bounds = bounds
        self.boundsMM = boundsMM
        self.diameterMM = diameterMM
        self.outlineCoverage = outlineCoverage
        self.inkShare = inkShare
        self.confidence = confidence
    }

    /// Centre of the seal in points.
    public var centre: (x: Double, y: Double) { (bounds.midX, bounds.midY) }
    /// Centre of the seal in millimetres.
    public var centreMM: (x: Double, y: Double) { (boundsMM.midX, boundsMM.midY) }
}
