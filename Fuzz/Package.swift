// swift-tools-version: 5.4
import PackageDescription

/// libFuzzer targets for Rapport's readers, kept out of the main package so that CI never builds
/// them. Build and run one with `./run.sh TARGET SECONDS` (see README.md).
///
/// Every target is an executable whose `main.swift` holds only `LLVMFuzzerTestOneInput`, which
/// hands the bytes to an entry point in the main package (`FuzzEntryPoints`, or public API).
/// `run.sh` compiles everything with AddressSanitizer and libFuzzer's coverage instrumentation;
/// only these targets link libFuzzer itself, because the main package's build-tool plugin must
/// stay an ordinary program.
let targetsByModule = [
    "RapportIngest": ["mbox", "message", "ingest", "header-text", "date", "address", "authored", "charset", "html", "notes"],
    "RapportLanguage": ["lexicon", "score"],
    "RapportHealth": ["config"],
]

/// `main.swift` holds no top-level code, so libFuzzer's `main` must be the program's. Tools
/// version 5.4 on purpose: from 5.5 on SwiftPM renames an executable's entry point so that tests
/// can link it, and then links a `main` that does not exist under `-parse-as-library`.
let fuzzerSwiftSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
let fuzzerLinkerSettings: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "RapportFuzz",
    dependencies: [
        .package(name: "Rapport", path: ".."),
    ],
    targets: targetsByModule.sorted { $0.key < $1.key }.flatMap { module, targets in
        targets.map { target in
            .executableTarget(
                name: "fuzz-\(target)",
                dependencies: [.product(name: module, package: "Rapport")],
                swiftSettings: fuzzerSwiftSettings,
                linkerSettings: fuzzerLinkerSettings
            )
        }
    }
)
