import Foundation

/// The folder holding Package.swift (found by walking up from this file).
public func packageRoot() -> String {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}

/// The shared folder beside the checkout (`../shared`): forms, seeds and the public corpus; else `/work/shared`.
public func sharedDirectory() -> String? {
    for candidate in [packageRoot() + "/../shared", "/work/shared"] where FileManager.default.fileExists(atPath: candidate + "/forms") {
        return URL(fileURLWithPath: candidate).standardizedFileURL.path
    }
    return nil
}
