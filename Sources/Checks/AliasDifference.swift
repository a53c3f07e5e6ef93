/// A deliberate way a rule reports differently from a tool it lists as an alias. Each is shown in
/// the rule's documentation, and the parity test against that tool excuses exactly the findings
/// of this kind, so every difference is both explained and bounded.
public struct AliasDifference: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The instruction is in a build stage whose layers never reach the image.
        case buildStage = "build-stage"
        /// `cd` inside a `( … )` subshell, which keeps the change of directory local.
        case subshell
        /// apt 2.7's `apt-get dist-clean`, which deletes the package lists.
        case aptDistClean = "apt-dist-clean"
        /// No FROM before the instruction: BuildKit cannot build the file at all.
        case noBaseImage = "no-base-image"
        /// A file with the backtick escape (`# escape=``), where the other tool's line numbers drift.
        case backtickEscape = "backtick-escape"
    }

    public var kind: Kind
    /// The other tool's codes this applies to, among the rule's aliases.
    public var aliases: [String]
    public var explanation: String

    public init(_ kind: Kind, aliases: [String], _ explanation: String) {
        self.kind = kind
        self.aliases = aliases
        self.explanation = explanation
    }
}
