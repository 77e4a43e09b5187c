import RapportLanguage
import Testing

@Suite struct CategoryNumbersTests {
    /// Each name keeps one number in the process, and the number gives the name back, for far
    /// more names than the table's slots hold (the rest are kept aside) and names of any script.
    @Test func aNameKeepsItsNumberAndTheNumberItsName() async {
        let names = (0..<1_500).map { "test.category-\($0)" } + ["conflict.anger", "Þjónusta.gæði", "日本", "", "a", "A"]
        let numbers = names.map(CategoryNumbers.number(for:))
        #expect(Set(numbers).count == names.count)
        for (name, number) in zip(names, numbers) {
            #expect(CategoryNumbers.number(for: name) == number)
            #expect(CategoryNumbers.name(of: number) == name)
        }
        // From several threads at once, the same answers.
        await withTaskGroup(of: Bool.self) { group in
            for offset in 0..<4 {
                group.addTask {
                    stride(from: offset, to: names.count, by: 4).allSatisfy { CategoryNumbers.number(for: names[$0]) == numbers[$0] }
                }
            }
            for await agreed in group { #expect(agreed) }
        }
    }
}
