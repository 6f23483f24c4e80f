/// The cells holding each row label of one book, found once per row label (`FieldFinder` asks for the same row
/// label once per column of a matrix). One finder, one book, one thread.
final class RowLabelCells {
    private var byRow: [String: [BookIndex.CellAddress]] = [:]

    /// The cells of `row`, found by `find` the first time it is asked for.
    func addresses(of row: String, find: (String) -> [BookIndex.CellAddress]) -> [BookIndex.CellAddress] {
        if let known = byRow[row] { return known }
        let found = find(row)
        byRow[row] = found
        return found
    }
}
