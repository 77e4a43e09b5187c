import CMalloc
import Foundation

/// How many cores this process may run on: the CPUs of its affinity mask (`taskset`, a
/// container's cpuset) where the system says, else every active processor. Foundation's
/// `activeProcessorCount` counts the machine's processors whatever the mask, so a run pinned to
/// one core started a second worker that only took turns with the first (slower, and on a
/// large mailbox 16 MB larger).
public enum AvailableCores {
    public static let count: Int = {
        let machine = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let allowed = Int(cmalloc_allowed_cpus())
        return allowed > 0 ? min(allowed, machine) : machine
    }()
}
