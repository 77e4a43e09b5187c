import ArgumentParser

/// The exit statuses Rapport documents in its README.
enum ExitStatus {
    /// Everything read; recoverable input problems (reported on stderr) do not change it.
    static let success = ExitCode(0)
    /// `--fail-on` found flags of that severity or worse.
    static let flagsFound = ExitCode(1)
    /// Bad arguments or options (ArgumentParser's validation failures also exit with 64).
    static let usage = ExitCode(64)
    /// At least one input could not be read at all (missing, unreadable); the others were read.
    static let unreadableInput = ExitCode(66)
    /// An internal or output error (e.g. the output file cannot be written).
    static let failure = ExitCode(70)
}
