import CMalloc
import Synchronization

/// Gives the memory freed so far back to the system. The C library keeps freed memory for
/// later allocations, but only pages at the top of its heap go back by themselves: a phase that
/// builds large temporary tables and frees them (threading a mailbox) would otherwise leave
/// the process tens of megabytes larger for the rest of the run. Costs a walk over the free
/// memory, so it is for the end of a phase, not for a loop.
public func returnFreedMemory() {
    cmalloc_return_free_pages()
}

/// Returns freed memory to the system once enough work has been let go since it last did, for
/// loops whose steps each build and free a lot (assessing an account builds the readings of all
/// its messages): after every step would cost a walk of the free memory per step.
public final class FreedMemoryPacer: Sendable {
    private let pending = Atomic(0)
    /// How much work (e.g. messages) is let go between returns.
    public let interval: Int
    private let giveBack: @Sendable () -> Void

    /// `giveBack`: what returning is (tests count it).
    public init(interval: Int, giveBack: @escaping @Sendable () -> Void = returnFreedMemory) {
        self.interval = max(1, interval)
        self.giveBack = giveBack
    }

    /// Notes that the memory of `amount` work was freed, returning what is free once `interval`
    /// has been reached. Safe from several threads at once.
    public func freed(_ amount: Int) {
        let total = pending.add(amount, ordering: .relaxed).newValue
        if total >= interval, pending.compareExchange(expected: total, desired: 0, ordering: .relaxed).exchanged {
            giveBack()
        }
    }
}
