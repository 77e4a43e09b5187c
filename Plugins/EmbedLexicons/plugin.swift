import Foundation
import PackagePlugin

/// Embeds every file under the package's `Lexicons/` folder into the target as Swift source,
/// so the shipped data travels inside the binary.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let lexicons = context.package.directoryURL.appending(path: "Lexicons")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        // Folders count as inputs too: adding or removing a file changes the folder, which makes
        // the tool (which lists the folder itself) run again.
        var inputs: [URL] = [lexicons]
        if let walker = FileManager.default.enumerator(at: lexicons, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) lexicon files",
                executable: try context.tool(named: "EmbedLexiconsTool").url,
                arguments: [lexicons.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
