import ShenbaoSupport

/// What one upload may bring. A zip inside it is unpacked under the CLI's zip limits (`ZipArchive.Limits`:
/// entry size, total unpacked size, entry count, compression ratio) and counts toward these as well.
public struct UploadLimits: Sendable {
    /// Bytes of the whole request body.
    public var maxRequestBytes: Int = 512 << 20
    /// Bytes of one uploaded file (a zip included).
    public var maxFileBytes: Int = 256 << 20
    /// Files in one upload, zip entries counted one by one.
    public var maxFiles: Int = 2_000
    /// Folder depth of a file's path (browser folder uploads and zips).
    public var maxDepth: Int = 16
    /// Limits for unpacking a zip.
    package var zip: ZipArchive.Limits = .standard

    public init() {}
}
