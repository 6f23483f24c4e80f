/// The cells holding each row label of one book, found once per row label (`FieldFinder` asks for the same row
/// label once per column of a matrix). One finder, one book, one thread.
final class RowLabelCells {
    /// By the row label's bytes: the search reads bytes, so two spellings of one label are two entries.
    private var byRow: [[UInt8]: [BookIndex.CellAddress]] = [:]

    /// The cells of `row`, found by `find` the first time it is asked for.
    func addresses(of row: String, find: (String) -> [BookIndex.CellAddress]) -> [BookIndex.CellAddress] {
        let bytes = Array(row.utf8)
        if let known = byRow[bytes] { return known }
        let found = find(row)
        byRow[bytes] = found
        return found
    }
}
