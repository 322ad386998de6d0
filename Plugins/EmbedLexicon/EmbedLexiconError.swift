/// Why the plugin could not plan the embedding; SwiftPM prints `message` as the build error.
struct EmbedLexiconError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
