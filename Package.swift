// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "shenbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shenbao", targets: ["shenbao"]),
        .library(name: "ShenbaoKit", targets: ["ShenbaoKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // C libraries the product is built on, each wrapped in a small system-library target.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        // OCR of scanned pages (recognition data: tesseract-ocr-chi-sim).
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract", providers: [.apt(["libtesseract-dev"])]),

        // Readers → document model → extraction → validation → writers.
        .target(
            name: "ShenbaoKit",
            dependencies: [
                "CLibXML2", "CLibZip", "CPoppler", "CTesseract",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The command-line program.
        .executableTarget(
            name: "shenbao",
            dependencies: [
                "ShenbaoKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets (libFuzzer via `fuzz/run`); built normally they replay regression inputs.
        .executableTarget(name: "FuzzDOCXReader", dependencies: ["ShenbaoKit"]),
        .executableTarget(name: "FuzzExtraction", dependencies: ["ShenbaoKit"]),
        // Helpers both test targets share: zips written with libzip, the package and shared folders.
        .target(
            name: "ShenbaoTestSupport",
            dependencies: ["CLibZip"],
            path: "Tests/ShenbaoTestSupport"
        ),
        .testTarget(
            name: "ShenbaoKitTests",
            dependencies: ["ShenbaoKit", "ShenbaoTestSupport"],
            exclude: ["Fixtures"]
        ),
        // End-to-end tests: run the built `shenbao` program as a user would.
        .testTarget(
            name: "ShenbaoCLITests",
            dependencies: ["shenbao", "CLibZip", "ShenbaoTestSupport"]
        ),
    ]
)
