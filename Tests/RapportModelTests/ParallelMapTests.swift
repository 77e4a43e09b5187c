import Synchronization
import Testing

@testable import RapportModel

struct ParallelMapTests {
    @Test(arguments: [1, 2, 3, 8, 1000])
    func givesMapsResultInOrder(parallelism: Int) {
        let numbers = Array(0..<997)
        #expect(numbers.parallelMap(parallelism: parallelism) { $0 * $0 + 1 } == numbers.map { $0 * $0 + 1 })
    }

    @Test(arguments: [1, 4])
    func emptyAndSingleInputs(parallelism: Int) {
        #expect([Int]().parallelMap(parallelism: parallelism) { $0 + 1 } == [])
        #expect(["a"].parallelMap(parallelism: parallelism) { $0 + "b" } == ["ab"])
    }

    @Test func nonPositiveParallelismRunsOnTheCallingThread() {
        #expect([1, 2, 3].parallelMap(parallelism: 0) { $0 * 2 } == [2, 4, 6])
        #expect([1, 2, 3].parallelMap(parallelism: -3) { $0 * 2 } == [2, 4, 6])
    }

    /// Each thread makes one state and keeps it for every element it takes: with four threads
    /// over a hundred elements, four states are made, each counting exactly its own elements.
    @Test func eachThreadMakesOneStateOfItsOwn() {
        let made = Atomic(0)
        let counts = Array(0..<100).parallelMap(parallelism: 4, state: { () -> [Int] in
            made.add(1, ordering: .relaxed)
            return []
        }) { seen, element in
            seen.append(element)
            // Thread `w` takes elements w, w + 4, w + 8, …: all it saw share one remainder.
            return Set(seen.map { $0 % 4 }).count == 1 ? seen.count : -1
        }
        #expect(made.load(ordering: .relaxed) == 4)
        #expect(counts == (0..<100).map { $0 / 4 + 1 })
    }
}
