import Foundation
import ShenbaoModel
import ShenbaoSupport

/// Unpacks an uploaded `.zip` of folders into the upload folder, through the CLI's `ZipArchive` and its
/// limits. Any entry whose name would leave the folder (`../`, an absolute path, a drive) refuses the whole
/// zip: such a name is never an accident. Hidden files and `__MACOSX` are skipped.
struct ZipUnpacker {
    var limits: UploadLimits

    /// Unpacks `zipPath` (uploaded as `uploadedName`) under `folder.root/<its name without .zip>/`.
    /// Throws an `UploadRefusal` naming the zip and the entry when the zip is refused.
    func unpack(_ zipPath: String, uploadedName: String, into folder: UploadFolder) throws {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(path: zipPath, limits: limits.zip)
        } catch {
            throw UploadRefusal("\(uploadedName)：压缩包无法打开（\(Self.zipWording(error.message))），未接收")
        }
        let entries = archive.entriesForUnpacking
        let names = entries.map(\.name)
        for name in names where UploadFolder.safeRelativePath(name, maxDepth: limits.maxDepth) == nil {
            throw UploadRefusal("\(uploadedName)：压缩包中的条目「\(name)」路径不安全（含 ../、绝对路径或盘符），整个压缩包未接收")
        }
        let wanted = entries.filter { entry in
            !entry.name.split(separator: "/").contains { $0.hasPrefix(".") || $0 == "__MACOSX" }
        }
        guard folder.fileCount + wanted.count <= limits.maxFiles else {
            throw UploadRefusal("\(uploadedName)：压缩包中的文件过多（\(wanted.count) 个，一次上传最多 \(limits.maxFiles) 个），未接收")
        }
        let stem = UploadFolder.safeRelativePath(((uploadedName as NSString).lastPathComponent as NSString).deletingPathExtension,
                                                 maxDepth: 1) ?? "压缩包"
        var written: [String] = []
        do {
            for (index, name) in wanted {
                let bytes: [UInt8]
                do {
                    bytes = try archive.read(index: index)
                } catch {
                    throw UploadRefusal("\(uploadedName)：条目「\(name)」\(Self.zipWording(error.message))，整个压缩包未接收")
                }
                let relative = stem + "/" + UploadFolder.safeRelativePath(name, maxDepth: limits.maxDepth)!
                let descriptor = try folder.create(relative)
                written.append(folder.root + "/" + relative)
                let ok = bytes.withUnsafeBytes { UploadFolder.write(descriptor, $0) }
                close(descriptor)
                guard ok else { throw UploadRefusal("\(uploadedName)：条目「\(name)」无法保存（磁盘已满？），整个压缩包未接收") }
            }
        } catch {
            for path in written { unlink(path) }
            throw error
        }
    }

    /// The zip reader's messages speak of Word documents (a .docx is a zip); here the zip is a parcel.
    private static func zipWording(_ message: String) -> String {
        message.replacingOccurrences(of: "文件不是有效的 Word 文档", with: "不是有效的 zip 压缩包")
    }
}
