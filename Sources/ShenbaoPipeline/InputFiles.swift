import Foundation
import ShenbaoValidation

/// Expands command-line paths: files are kept as given (whatever their extension, so a misnamed
/// file is still reported), folders are looked through (`FolderWalk`: linked folders followed, each once,
/// hidden ones and Word lock files left out) for the wanted extensions, in sorted order.
public enum InputFiles {
    public static func expand(_ paths: [String], extensions: Set<String>) -> [String] {
        var result: [String] = []
        var walk = FolderWalk()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            result += walk.files(under: path).filter { extensions.contains($0.fileExtension) }.sorted()
        }
        return result
    }
}
