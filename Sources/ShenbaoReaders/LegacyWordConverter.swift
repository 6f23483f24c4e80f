import Foundation
import ShenbaoModel
import ShenbaoSupport

/// Reads a legacy Word (`.doc`, Word 97–2003 / 6–95) or WPS (`.wps`) file by having LibreOffice
/// convert it to `.docx`, then reading that with `DOCXReader`.
///
/// This is the one place the product runs another program (issue 9). It runs inside the worker
/// process, so the worker's time limit and crash isolation cover it, and:
/// - LibreOffice gets a copy of the file in a private temporary folder (mode 0700) with its own
///   profile and `HOME` there, and a clean environment; the original is never opened by it, so no
///   lock file appears beside it and it is never modified. The folder is removed afterwards, also
///   on failure or time-out.
/// - No shell: `Process` with an argument list. LibreOffice runs in its own process group, which is
///   killed after `timeout` seconds (a password prompt or a hostile file cannot keep it alive).
/// - soffice exits 0 even when it wrote nothing, so success is the output file existing.
///
/// Environment:
/// - `SHENBAO_SOFFICE`: the soffice program to use; when set, no other place is searched (set it to
///   a path that does not exist to run as if LibreOffice were not installed). Otherwise `soffice` on
///   `PATH`, then `/usr/bin/soffice`, then `/usr/lib/libreoffice/program/soffice`.
/// - `SHENBAO_SOFFICE_TIMEOUT`: seconds one conversion may take (default 30). `SHENBAO_WORKER_TIMEOUT`
///   (the worker's own limit, when its parent sets it) caps it at 80 % of that, so the converter
///   always kills LibreOffice before the worker itself is killed.
public enum LegacyWordConverter {
    /// The kind of legacy file, for messages and for the name of the copy LibreOffice gets.
    package enum Kind {
        /// A Word binary document named anything but `.wps`.
        case doc
        /// A Word binary document named `.wps` (WPS Office saves this format).
        case wps
        /// A Microsoft Works word-processor file (`.wps`).
        case works

        package var label: String {
            switch self {
            case .doc: return "旧版 Word（.doc）"
            case .wps: return "WPS 文字（.wps）"
            case .works: return "Microsoft Works（.wps）"
            }
        }

        /// The label inside a Chinese sentence (a space before a Latin word: `这是 WPS 文字（.wps）文件`).
        var inSentence: String { label.first?.isASCII == true ? " " + label : label }

        package var fileExtension: String { self == .doc ? "doc" : "wps" }
    }

    /// The Debian package that provides a headless LibreOffice Writer.
    public static let package = "libreoffice-writer-nogui"

    static let defaultTimeout: Double = 30

    /// Converts and reads the file at `path`. Throws `ReadError` with a Chinese message; never traps.
    package static func read(path: String, kind: Kind) throws(ReadError) -> Document {
        let environment = ProcessInfo.processInfo.environment
        guard let soffice = sofficePath(environment: environment) else {
            throw ReadError.unsupported(
                "这是\(kind.inSentence)文件；请安装 LibreOffice（Debian: apt-get install \(package)）后重试，或另存为 .docx")
        }
        guard let work = makePrivateFolder() else {
            throw ReadError.unsupported("无法创建临时文件夹，不能转换\(kind.inSentence)文件；请另存为 .docx 后重试")
        }
        defer { try? FileManager.default.removeItem(atPath: work) }
        let input = work + "/in/input." + kind.fileExtension
        let outputFolder = work + "/out"
        do {
            for folder in ["in", "out", "tmp"] {
                try FileManager.default.createDirectory(atPath: work + "/" + folder, withIntermediateDirectories: false)
            }
            try FileManager.default.copyItem(atPath: path, toPath: input)
        } catch {
            throw ReadError.unreadable("无法复制文件以便转换（\(error.localizedDescription)）")
        }

        let limit = timeout(environment: environment)
        let outcome = run(soffice, arguments: [
            "-env:UserInstallation=" + URL(fileURLWithPath: work + "/profile").absoluteString,
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", outputFolder, input,
        ], work: work, timeout: limit)
        switch outcome {
        case .notStarted(let reason):
            throw ReadError.unsupported("无法启动 LibreOffice（\(soffice)：\(reason)），不能转换\(kind.inSentence)文件；请另存为 .docx 后重试")
        case .timedOut:
            throw ReadError.damaged("LibreOffice 转换\(kind.inSentence)文件超时（超过 \(Int(limit)) 秒），文件可能已损坏、设置了密码或被恶意构造；请用 Word 或 WPS 打开后另存为 .docx 重新提交")
        case .finished:
            break
        }
        let output = outputFolder + "/input.docx"
        let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else {
            throw ReadError.damaged("LibreOffice 未能转换这个\(kind.inSentence)文件（文件可能已损坏或设置了密码）；请用 Word 或 WPS 打开后另存为 .docx 重新提交")
        }
        var document = try DOCXReader.read(path: output)
        document.path = path
        document.notes.insert(ReaderNote(.converted, note(for: path, kind: kind)), at: 0)
        return document
    }

    /// The note saying the file was converted (and, when its name says otherwise, what it really is).
    package static func note(for path: String, kind: Kind) -> String {
        let ext = "." + kind.fileExtension
        let named = (path as NSString).pathExtension.lowercased()
        let converted = "由 LibreOffice 从 \(ext) 转换为 .docx 后读取，版式细节可能有出入"
        if named == kind.fileExtension { return converted }
        let given = named.isEmpty ? "文件没有扩展名" : "文件扩展名为 .\(named)"
        return "\(given)，实为\(kind.label)文件；\(converted)"
    }

    /// The soffice program: `$SHENBAO_SOFFICE` alone when set, else `PATH`, else the usual places.
    public static func sofficePath(environment: [String: String]) -> String? {
        let manager = FileManager.default
        if let override = environment["SHENBAO_SOFFICE"], !override.isEmpty {
            return manager.isExecutableFile(atPath: override) ? override : nil
        }
        let onPath = (environment["PATH"] ?? "").split(separator: ":").map { String($0) + "/soffice" }
        return (onPath + ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"]).first {
            $0.hasPrefix("/") && manager.isExecutableFile(atPath: $0)
        }
    }

    /// Seconds one conversion may take.
    package static func timeout(environment: [String: String]) -> Double {
        var limit = environment["SHENBAO_SOFFICE_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? defaultTimeout
        if let worker = environment["SHENBAO_WORKER_TIMEOUT"].flatMap(Double.init), worker > 0 {
            limit = min(limit, max(1, worker * 0.8))
        }
        return limit
    }

    // MARK: Running LibreOffice

    package enum Outcome { case finished, timedOut, notStarted(String) }

    /// Runs soffice with a clean environment and waits at most `timeout` seconds; then its whole
    /// process group (the launcher script's `oosplash` and its `soffice.bin`) is killed.
    private static func run(_ program: String, arguments: [String], work: String, timeout: Double) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = [
            "HOME": work, "TMPDIR": work + "/tmp", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
            "SAL_USE_VCLPLUGIN": "svp",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .notStarted(error.localizedDescription)
        }
        // Foundation starts the child as the leader of its own process group.
        let group = process.processIdentifier
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        // Also after a normal exit: nothing of LibreOffice may outlive the conversion.
        kill(-group, SIGKILL)
        if timedOut { kill(group, SIGKILL) }
        process.waitUntilExit()
        return timedOut ? .timedOut : .finished
    }

    /// A new folder only this user can enter, in the system's temporary folder.
    private static func makePrivateFolder() -> String? {
        var base = NSTemporaryDirectory()
        if !base.hasSuffix("/") { base += "/" }
        var template = Array((base + "shenbao-lo-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let baseAddress = buffer.baseAddress, mkdtemp(baseAddress) != nil else { return nil }
            return String(cString: baseAddress)
        }
    }
}
