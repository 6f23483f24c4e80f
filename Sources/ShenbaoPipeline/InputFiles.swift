import Foundation

/// Expands command-line paths: files are kept as given (whatever their extension, so a misnamed
/// file is still reported), folders are walked recursively for the wanted extensions, in sorted order.
public enum InputFiles {
    public static func expand(_ paths: [String], extensions: Set<String>) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: path)
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix("~$") || name.hasPrefix(".") { continue }  // Word lock files, hidden files
                if extensions.contains((name as NSString).pathExtension.lowercased()) {
                    found.append((path as NSString).appendingPathComponent(relative))
                }
            }
            result += found.sorted()
        }
        return result
    }
}
