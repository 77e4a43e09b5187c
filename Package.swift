// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "RapportModel"),
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
        .target(name: "RapportHealth", dependencies: ["RapportModel", "RapportLanguage"]),
        .target(name: "RapportStore", dependencies: ["RapportModel"]),
        .target(name: "RapportReport", dependencies: ["RapportModel"]),
        .target(name: "RapportTestSupport", dependencies: ["RapportModel"]),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportModel", "RapportIngest", "RapportLanguage", "RapportHealth",
                "RapportStore", "RapportReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RapportModelTests", dependencies: ["RapportModel"]),
        .testTarget(name: "RapportResourcesTests", dependencies: ["RapportResources"]),
        .testTarget(
            name: "RapportIngestTests",
            dependencies: ["RapportIngest", "RapportTestSupport"]
        ),
        .testTarget(name: "RapportLanguageTests", dependencies: ["RapportLanguage", "RapportTestSupport"]),
        .testTarget(name: "RapportHealthTests", dependencies: ["RapportHealth"]),
        .testTarget(name: "RapportStoreTests", dependencies: ["RapportStore"]),
        .testTarget(name: "RapportReportTests", dependencies: ["RapportReport"]),
        .testTarget(name: "RapportTestSupportTests", dependencies: ["RapportTestSupport"]),
        .testTarget(name: "RapportCLITests", dependencies: ["rapport", "RapportTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
