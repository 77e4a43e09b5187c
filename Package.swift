// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        // The readers and the scorer as libraries, for tools built on Rapport and for the
        // separate fuzzing package in Fuzz/.
        .library(name: "RapportIngest", targets: ["RapportIngest"]),
        .library(name: "RapportLanguage", targets: ["RapportLanguage"]),
        .library(name: "RapportHealth", targets: ["RapportHealth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .target(name: "RapportModel", dependencies: ["CMalloc"]),
        // `malloc_trim`, which Glibc's Swift module leaves out.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Turns the plain-text files in Lexicons/ into Swift source at build time, so the
        // binary carries its default data wherever it is copied.
        .executableTarget(name: "EmbedLexiconsTool", path: "Sources/EmbedLexiconsTool"),
        .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["EmbedLexiconsTool"]),
        .target(name: "RapportResources", plugins: ["EmbedLexicons"]),
        .target(name: "RapportIngest", dependencies: ["RapportModel", "CLibXML2", "RapportResources"]),
        .target(name: "RapportLanguage", dependencies: ["RapportModel", "RapportResources"]),
        .target(
            name: "RapportHealth",
            dependencies: ["RapportModel", "RapportLanguage", "RapportResources", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "RapportStore", dependencies: ["RapportModel", .product(name: "GRDB", package: "GRDB.swift")]),
        // Wires the stages together for `analyze` and `scan`, so the executable stays thin.
        .target(
            name: "RapportPipeline",
            dependencies: ["RapportModel", "RapportIngest", "RapportLanguage", "RapportHealth", "RapportStore", "RapportReport"]
        ),
        .target(name: "RapportReport", dependencies: ["RapportModel"]),
        .target(name: "RapportTestSupport", dependencies: ["RapportModel"]),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportModel", "RapportIngest", "RapportLanguage", "RapportHealth",
                "RapportStore", "RapportReport", "RapportPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RapportModelTests", dependencies: ["RapportModel", "RapportTestSupport"]),
        .testTarget(name: "RapportResourcesTests", dependencies: ["RapportResources"]),
        // Data files the tests read from the package folder, not from a bundle.
        .testTarget(
            name: "RapportIngestTests",
            dependencies: ["RapportIngest", "RapportTestSupport"],
            exclude: ["Corpus/make_expectations.py", "Corpus/python-expectations.tsv"]
        ),
        .testTarget(
            name: "RapportLanguageTests", dependencies: ["RapportLanguage", "RapportTestSupport"],
            exclude: ["DevSet", "Fixtures"]
        ),
        .testTarget(
            name: "RapportHealthTests",
            dependencies: ["RapportHealth", "RapportIngest", "RapportLanguage", "RapportTestSupport"],
            exclude: ["Labelled"]
        ),
        .testTarget(
            name: "RapportStoreTests",
            dependencies: ["RapportStore", "RapportTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "RapportPipelineTests", dependencies: ["RapportPipeline", "RapportTestSupport"]),
        .testTarget(name: "RapportReportTests", dependencies: ["RapportReport", "RapportTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "RapportTestSupportTests", dependencies: ["RapportTestSupport"]),
        .testTarget(
            name: "RapportCLITests",
            dependencies: [
                "rapport", "RapportModel", "RapportLanguage", "RapportReport", "RapportStore", "RapportIngest",
                "RapportTestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
