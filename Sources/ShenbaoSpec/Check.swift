import ShenbaoModel

/// A constraint between or on fields, from the catalogue's rule column or a call's `checks:` list.
public enum Check: Sendable, Equatable {
    /// Two fields must hold the same value (cover equals body).
    case equals(String, String)
    /// A number must not exceed another field (≤).
    case atMost(String, limit: String)
    /// The sum of some fields must not exceed another field.
    case sumAtMost([String], limit: String)
    /// A field must equal the sum of others (within 0.01).
    case sumEquals(String, parts: [String])
    /// A multichoice must have between `min` and `max` selections.
    case selections(String, min: Int, max: Int)
    /// A list must have at most `max` items.
    case maxItems(String, max: Int)
    /// A text must have at most `max` characters, counted as Word counts 字数 (限200字).
    case maxLength(String, max: Int)
    /// A phone field must be a mobile number.
    case mobile(String)
    /// A number must be > 0 (`strict`) or ≥ 0.
    case positive(String, strict: Bool)
    /// A number may be negative (no sign check).
    case mayBeNegative(String)
    /// A daterange's start must not be after its end.
    case rangeOrder(String)
    /// A field is required unless another field holds one of the given values.
    case requiredUnless(String, other: String, values: [String])
    /// A date must not lie in the future.
    case notFuture(String)
    /// A percentage must equal part / whole × 100 within a tolerance.
    case ratio(String, part: String, whole: String, tolerance: Double)
    /// Values must not decrease along the fields (cumulative quarters).
    case nonDecreasing([String])
    /// A count must equal the number of items of a list (when the list is given).
    case countOf(String, list: String)
    /// A field's value must be one of these (a district of the city, …).
    case allowedValues(String, values: [String])
    /// A field's value must belong to the group named by another field (a 申报方向 to its 项目类别).
    case memberOfGroup(String, group: String, groups: [String: [String]])
}
