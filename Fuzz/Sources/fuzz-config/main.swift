import Foundation
import RapportHealth

/// The configuration loader: bytes as `load(path:)` reads them (UTF-8 or refused), then parsed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    _ = try? HealthConfiguration.parse(yaml: text, file: "rapport.yml", baseDirectory: "/nonexistent")
    return 0
}
