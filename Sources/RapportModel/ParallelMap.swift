import Dispatch
import Synchronization

extension RandomAccessCollection where Self: Sendable, Element: Sendable, Index == Int {
    /// `map` on up to `parallelism` threads, each taking the next element not yet taken (so a
    /// long element does not hold the others up). Result `i` belongs to element `i` whichever
    /// thread computed it, so for a transform that depends only on its element the result
    /// equals `map`'s. With one thread (or one element) it is `map`.
    public func parallelMap<T: Sendable>(parallelism: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        parallelMap(parallelism: parallelism, state: {}) { _, element in transform(element) }
    }

    /// `parallelMap` where each thread first makes a `State` of its own (a scoring session and
    /// its buffers) and hands it to the transform with every element it takes.
    public func parallelMap<State, T: Sendable>(
        parallelism: Int, state makeState: @Sendable () -> State, _ transform: @Sendable (inout State, Element) -> T
    ) -> [T] {
        let count = self.count
        let workers = Swift.min(parallelism, count)
        guard workers > 1 else {
            var state = makeState()
            return map { transform(&state, $0) }
        }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each worker initialises only its own slots, and all are done before the array is used.
            nonisolated(unsafe) let slots = buffer
            let start = startIndex
            let next = Atomic(0)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var state = makeState()
                while true {
                    let offset = next.add(1, ordering: .relaxed).oldValue
                    guard offset < count else { break }
                    (slots.baseAddress! + offset).initialize(to: transform(&state, self[start + offset]))
                }
            }
            initialized = count
        }
    }
}

/// Hands the last reference to `value` to another thread, which frees it while this one goes
/// on: freeing every document and sentence of a large run took a noticeable part of it, on the
/// one thread that had nothing else to do by then.
public func releaseOnAnotherThread<T: Sendable>(_ value: T) {
    let box = ReleaseBox(value)
    DispatchQueue.global(qos: .utility).async { box.release() }
}

/// Holds a value until `release`, so that the thread that calls it is the one that frees it.
private final class ReleaseBox<T: Sendable>: @unchecked Sendable {
    private var value: T?

    init(_ value: T) { self.value = value }

    func release() { value = nil }
}
