// swift-tools-version:6.0
import PackageDescription

/// Where poppler-glib's headers and those they include live (`pkg-config --cflags poppler-glib`).
/// Only the headers: the PDF and OCR libraries are opened on first use (CDeferredLibraries), so
/// their system-library targets name no pkg-config package, whose libraries would be linked.
#if arch(arm64)
let multiarch = "aarch64-linux-gnu"
#else
let multiarch = "x86_64-linux-gnu"
#endif
let popplerHeaders = ["/usr/include/poppler/glib", "/usr/include/glib-2.0", "/usr/lib/\(multiarch)/glib-2.0/include", "/usr/include/cairo"]
let popplerHeaderFlags = popplerHeaders.flatMap { ["-Xcc", "-I\($0)"] }

/// A release program that is not position-independent starts with no relative relocations to apply (186,000 of
/// them otherwise, with a page fault for each page they touch): 1–3 ms off every run.
let noPIE: [LinkerSetting] = [.unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "shenbao",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "shenbao", targets: ["shenbao"]),
        .executable(name: "shenbao-desk", targets: ["shenbao-desk"]),
        .library(name: "ShenbaoKit", targets: ["ShenbaoKit"]),
        .library(name: "ShenbaoServer", targets: ["ShenbaoServer"]),
        // The PDF page reader over poppler's core, opened by the program on its first PDF (CDeferredLibraries):
        // poppler and the twenty-odd libraries it links cost a Word-only run nothing.
        .library(name: "ShenbaoPDFPages", type: .dynamic, targets: ["CPopplerPages"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The web desk (`shenbao serve`): HTTP server, bcrypt, SQLite, multipart uploads.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // C libraries the product is built on, each wrapped in a small system-library target.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CPoppler", providers: [.apt(["libpoppler-glib-dev"])]),
        // What the Glibc module leaves out: heap tuning (`mallopt`) for worker processes, `memmem` for byte searches.
        .systemLibrary(name: "CGlibcExtras"),
        // poppler's core C++ API (its private headers), for reading what a page paints without rendering it.
        .systemLibrary(name: "CPopplerCore", pkgConfig: "poppler", providers: [.apt(["libpoppler-private-dev"])]),
        // A C API over poppler's interpreter: a PDF page's text and the strokes and fills it paints, in one pass (C++);
        // its header is CDeferredLibraries' ShenbaoPDFPages.h (none of its own: `publicHeadersPath: "."`). Bound to its
        // own symbols (`-Bsymbolic`): the program defines the same names, as the wrappers that open this library.
        .target(
            name: "CPopplerPages",
            dependencies: ["CPopplerCore"],
            publicHeadersPath: ".",
            cxxSettings: [.headerSearchPath("../CDeferredLibraries/include")],
            linkerSettings: [.unsafeFlags(["-Xlinker", "-Bsymbolic"])]
        ),
        // OCR of scanned pages (recognition data: tesseract-ocr-chi-sim).
        .systemLibrary(name: "CTesseract", providers: [.apt(["libtesseract-dev"])]),
        // The functions of poppler-glib, GLib, Cairo and Tesseract shenbao calls, each opening its library on first use.
        .target(
            name: "CDeferredLibraries",
            cSettings: [.unsafeFlags(popplerHeaders.map { "-I\($0)" })],
            linkerSettings: [.linkedLibrary("dl")]
        ),

        // The library, one target a pipeline stage; each imports only earlier stages:
        // model → spec → readers → extraction → validation → writers → pipeline.
        // The document model, records, read errors; string and file helpers every stage uses.
        .target(name: "ShenbaoModel", dependencies: ["CGlibcExtras"]),
        // XML and zip reading and writing over libxml2 and libzip.
        .target(name: "ShenbaoSupport", dependencies: ["ShenbaoModel", "CLibXML2", "CLibZip", "CLibDeflate"]),
        // Call specs (YAML), their fields, checks and loader.
        .target(
            name: "ShenbaoSpec",
            dependencies: ["ShenbaoModel", .product(name: "Yams", package: "Yams")]
        ),
        // DOCX, DOC, PDF and OCR readers: a file in, a document out; they know no call.
        .target(
            name: "ShenbaoReaders",
            dependencies: ["ShenbaoModel", "ShenbaoSupport", "CPoppler", "CTesseract", "CDeferredLibraries"],
            swiftSettings: [.unsafeFlags(popplerHeaderFlags)]
        ),
        // Finding a call's fields in a document (and reading data files into records).
        .target(
            name: "ShenbaoExtraction",
            dependencies: [
                "ShenbaoModel", "ShenbaoSupport", "ShenbaoSpec", "ShenbaoReaders",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        // Enterprise classification by a call's classification rules.
        .target(
            name: "ShenbaoStatistics",
            dependencies: ["ShenbaoModel", "ShenbaoSpec"]
        ),
        // Rules, findings, the validator.
        .target(
            name: "ShenbaoValidation",
            dependencies: ["ShenbaoModel", "ShenbaoSupport", "ShenbaoSpec", "ShenbaoReaders", "ShenbaoExtraction"]
        ),
        // Reports, summaries, filled templates, books.
        .target(
            name: "ShenbaoWriters",
            dependencies: [
                "ShenbaoModel", "ShenbaoSupport", "ShenbaoSpec", "ShenbaoReaders", "ShenbaoExtraction",
                "ShenbaoStatistics", "ShenbaoValidation", "CLibXML2",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Reading, extracting and validating books and submissions together, in worker processes.
        .target(
            name: "ShenbaoPipeline",
            dependencies: [
                "ShenbaoModel", "ShenbaoSupport", "ShenbaoSpec", "ShenbaoReaders", "ShenbaoExtraction",
                "ShenbaoStatistics", "ShenbaoValidation", "ShenbaoWriters", "CGlibcExtras",
            ]
        ),
        // All stages under one name, for the program, the fuzz targets and the tests.
        .target(
            name: "ShenbaoKit",
            dependencies: [
                "ShenbaoModel", "ShenbaoSupport", "ShenbaoSpec", "ShenbaoReaders", "ShenbaoExtraction",
                "ShenbaoStatistics", "ShenbaoValidation", "ShenbaoWriters", "ShenbaoPipeline",
            ]
        ),
        // The web desk: accounts, inboxes, uploads and pages over the same pipeline (`shenbao serve`).
        .target(
            name: "ShenbaoServer",
            dependencies: [
                "ShenbaoKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The options and exits both programs share.
        .target(
            name: "ShenbaoCommandLine",
            dependencies: ["ShenbaoKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The command-line program; also the worker every batch and the desk read books with. It links no part of
        // the desk, so a run starts without the server's libraries and their runtime metadata to search.
        .executableTarget(
            name: "shenbao",
            dependencies: [
                "ShenbaoKit",
                "ShenbaoCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: noPIE
        ),
        // The web desk's program (`shenbao serve` hands over to it).
        .executableTarget(
            name: "shenbao-desk",
            dependencies: [
                "ShenbaoKit",
                "ShenbaoServer",
                "ShenbaoCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: noPIE
        ),
        // Fuzz targets (libFuzzer via `fuzz/run`); built normally they replay regression inputs.
        .executableTarget(name: "FuzzDOCXReader", dependencies: ["ShenbaoKit"]),
        .executableTarget(name: "FuzzExtraction", dependencies: ["ShenbaoKit"]),
        // Helpers the test targets share: zips written with libzip, the package and shared folders, the hostile input suite.
        .target(
            name: "ShenbaoTestSupport",
            dependencies: ["CLibZip"],
            path: "Tests/ShenbaoTestSupport"
        ),
        .testTarget(
            name: "ShenbaoKitTests",
            dependencies: ["ShenbaoKit", "ShenbaoTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: [.unsafeFlags(popplerHeaderFlags)]
        ),
        // End-to-end tests: run the built `shenbao` program as a user would.
        .testTarget(
            name: "ShenbaoCLITests",
            dependencies: ["shenbao", "shenbao-desk", "CLibZip", "ShenbaoTestSupport"]
        ),
        // The web desk through its HTTP routes (HummingbirdTesting); books are read by the built `shenbao` workers.
        .testTarget(
            name: "ShenbaoServerTests",
            dependencies: [
                "ShenbaoServer", "shenbao", "shenbao-desk", "ShenbaoTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
