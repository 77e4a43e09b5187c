@_spi(Fuzzing) import RapportIngest

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntryPoints.html(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
