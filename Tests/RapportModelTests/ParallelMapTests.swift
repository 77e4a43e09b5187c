import Foundation
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
    /// over a thousand elements, at most four states are made, and the elements the states saw
    /// add up to every element once.
    @Test func eachThreadMakesOneStateOfItsOwn() {
        let made = Atomic(0)
        let seen = Array(0..<1000).parallelMap(parallelism: 4, state: { () -> Int in
            made.add(1, ordering: .relaxed).newValue  // this state's number, 1…4
        }) { state, element in
            (state: state, element: element)
        }
        let states = made.load(ordering: .relaxed)
        #expect((1...4).contains(states))
        #expect(seen.map(\.element) == Array(0..<1000))
        #expect(Set(seen.map(\.state)).isSubset(of: Set(1...states)))
    }
}

@Suite struct FreedMemoryTests {
    /// Memory goes back once per interval of work let go, however the work is split over threads.
    @Test func pacerReturnsOncePerInterval() {
        let returns = Atomic(0)
        let pacer = FreedMemoryPacer(interval: 100) { returns.add(1, ordering: .relaxed) }
        pacer.freed(99)
        #expect(returns.load(ordering: .relaxed) == 0)
        pacer.freed(1)
        #expect(returns.load(ordering: .relaxed) == 1)
        pacer.freed(250)
        #expect(returns.load(ordering: .relaxed) == 2, "a large step returns once")
        let before = returns.load(ordering: .relaxed)
        _ = Array(0..<1_000).parallelMap(parallelism: 4) { _ in pacer.freed(10) }
        let after = returns.load(ordering: .relaxed) - before
        #expect(after >= 50 && after <= 100, "\(after) returns for 10,000 over threads")
        returnFreedMemory()
    }
}

/// The default number of threads follows the CPUs this process may run on.
@Suite struct AvailableCoresTests {
    /// The CPUs `Cpus_allowed_list` names in /proc/self/status ("0-3,8,10-11"), or nil off Linux.
    static func allowedByProc() throws -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
        else { return nil }
        let list = String(line.dropFirst("Cpus_allowed_list:".count)).trimmingCharacters(in: .whitespaces)
        var total = 0
        for range in list.split(separator: ",") {
            let bounds = range.split(separator: "-").compactMap { Int($0) }
            let first = try #require(bounds.first), last = try #require(bounds.last)
            total += last - first + 1
        }
        return total
    }

    @Test func countsTheCPUsOfTheAffinityMask() throws {
        let machine = ProcessInfo.processInfo.activeProcessorCount
        #expect(AvailableCores.count >= 1 && AvailableCores.count <= max(1, machine))
        if let allowed = try Self.allowedByProc() {
            #expect(AvailableCores.count == min(allowed, machine))
        }
    }
}
