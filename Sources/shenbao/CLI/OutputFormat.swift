import ArgumentParser

/// Output formats of reading commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
