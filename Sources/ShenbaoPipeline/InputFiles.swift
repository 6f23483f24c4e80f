import Foundation
import ShenbaoExtraction
import ShenbaoValidation

/// Expands command-line paths: files are kept as given (whatever their extension, so a misnamed
/// file is still reported), folders are looked through (`FolderWalk`: linked folders followed, each once,
/// hidden ones and Word lock files left out) for the wanted extensions, in sorted order. What the walk could
/// not look through (a name that is not UTF-8, a folder it may not read) comes back in `skipped`, for the
/// command to report as a file it could not read.
public enum InputFiles {
    public static func expand(_ paths: [String], extensions: Set<String>) -> (files: [String], skipped: [BookError]) {
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
        return (result, walk.skipped)
    }
}
