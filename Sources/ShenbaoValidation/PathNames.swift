import Foundation

extension String {
    /// The lower-cased extension of a path, as `NSString.pathExtension` finds it.
    package var fileExtension: String {
        guard let (name, dot) = plainFileName else { return (self as NSString).pathExtension.lowercased() }
        return dot.map { String(name[name.utf8.index(after: $0)...]).lowercased() } ?? ""
    }

    /// The file name with its extension, as `NSString.lastPathComponent` finds it.
    package var lastPathComponent: String {
        guard let (name, _) = plainFileName else { return (self as NSString).lastPathComponent }
        return String(name)
    }

    /// The file name without folder and extension, as `NSString.deletingPathExtension` leaves the last component.
    package var fileStem: String {
        guard let (name, dot) = plainFileName else { return ((self as NSString).lastPathComponent as NSString).deletingPathExtension }
        return String(dot.map { name[..<$0] } ?? name)
    }

    /// The path's file name (after its last `/`) and the position of the file name's last dot, when NSString's
    /// rules come down to cutting there: no trailing slash, a name that neither starts nor ends with a dot, and
    /// that slash and dot characters of their own (not joined to a combining mark after them or a prepended
    /// mark before them, which NSString, reading characters, does not take for a slash or a dot). Nil for any
    /// other path, which NSString then reads: its slash fixing and character-by-character search cost more than
    /// the rest of a 10,000-book inbox's closing checks, which ask each file's extension many times.
    private var plainFileName: (name: Substring, dot: String.Index?)? {
        let utf8 = self.utf8
        guard let last = utf8.last, last != UInt8(ascii: "/") else { return nil }
        let slash = utf8.lastIndex(of: UInt8(ascii: "/"))
        let start = slash.map { utf8.index(after: $0) } ?? utf8.startIndex
        let name = self[start...]
        guard name.utf8.first != UInt8(ascii: "."), name.utf8.last != UInt8(ascii: ".") else { return nil }
        let dot = name.utf8.lastIndex(of: UInt8(ascii: "."))
        for mark in [slash, dot].compactMap({ $0 }) where !isCharacter(at: mark) { return nil }
        return (name, dot)
    }

    /// Whether the one-byte character at `index` stands alone: a character starts there and after it.
    private func isCharacter(at index: String.Index) -> Bool {
        String.Index(index, within: self) != nil && String.Index(utf8.index(after: index), within: self) != nil
    }
}
