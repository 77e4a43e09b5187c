import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a second `rapport scan` off a store while one runs. An advisory `flock` on a file beside
/// the store: the kernel releases it when the process ends, however it ends (SIGKILL included),
/// which is how the next scan tells an interrupted scan (resume it) from a running one (refuse).
/// Readers (`rapport report`) do not take it.
public final class ScanLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock for the store at `storePath`, or throws `busy` when another scan holds it.
    public init(storePath: String) throws {
        let path = storePath + "-scan.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError(.notWritable, path: storePath, "the scan lock beside the store cannot be created (check permissions, or choose another place with --db)",
                             underlying: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StoreError(.busy, path: storePath, "another `rapport scan` is writing to this store; try again when it has finished")
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
