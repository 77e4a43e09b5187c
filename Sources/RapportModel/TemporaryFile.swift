import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file removed from its directory as soon as it is made, so nothing is left behind
/// however the run ends: where a run puts what it would otherwise hold in memory until the end
/// (`analyze`'s scored documents, a scan's thread reports). Reads and writes at offsets, from
/// any thread.
public final class UnlinkedTemporaryFile: Sendable {
    private let descriptor: Int32

    /// Nil when no file can be made in `directory` (the system's temporary directory).
    public init?(directory: String = NSTemporaryDirectory(), prefix: String) {
        var template = Array((directory + "/" + prefix + "-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes` at `offset`; false when the file cannot take them (a full disk).
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Bool {
        var done = 0
        while done < bytes.count {
            let result = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return false }
            done += result
        }
        return true
    }

    /// The `length` bytes at `offset`, or nil when the file ends before them.
    public func read(_ length: Int, at offset: Int64) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: length)
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < length {
                let result = pread(descriptor, buffer.baseAddress! + done, length - done, off_t(offset) + off_t(done))
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { return false }
                done += result
            }
            return true
        }
        return complete ? bytes : nil
    }
}
