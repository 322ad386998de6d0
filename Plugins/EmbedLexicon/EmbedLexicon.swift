import Foundation
import PackagePlugin

/// Compiles the package's `config/lexicon` into the target that applies it, as a generated Swift
/// file (`EmbeddedLexicon.swift`), so an `annals` installed alone still has its lexicon.
///
/// A build-tool plugin rather than a committed file or a resource: the copy is made from the
/// files on every build that changes them, so it cannot drift from `config/lexicon`; and unlike
/// SwiftPM resources (a bundle directory beside the executable on Linux) it survives
/// `install annals /usr/local/bin`.
@main
struct EmbedLexicon: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appendingPathComponent("config/lexicon")
        // Every data file, not only the ones `Lexicon` reads today: the plugin cannot see that
        // list (it lives in the target being built), and the reader picks its files by name.
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }
                .sorted()
        } catch {
            throw EmbedLexiconError(message: "cannot list \(directory.path) (\(error.localizedDescription)); the package's lexicon must be there to build \(target.name)")
        }
        // SwiftPM asks the plugin for its commands when it plans the build, not on every build:
        // an edited file is re-embedded at once, but a file added to or removed from the folder
        // is seen only after a replan (`touch Package.swift`); until then the build says
        // "missing inputs", or EmbeddedLexiconTests says the file is not embedded.
        let inputs = names.map { directory.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedLexicon.swift")
        return [
            .buildCommand(
                displayName: "Embedding config/lexicon (\(names.count) files) into \(target.name)",
                executable: try context.tool(named: "annals-embed-lexicon").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]),
        ]
    }
}

