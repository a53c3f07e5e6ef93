/// One release line and when its support ends (endoflife.date data, see `EndOfLifeData`).
struct EndOfLifeRelease: Sendable {
    var product: String
    var release: String
    var aliases: [String]
    /// An ISO date, "true" (ended, date unknown) or "false" (no end announced).
    var eol: String
    /// The end of an official extended phase (Debian LTS, Ubuntu ESM, RHEL ELS, Oracle Extended), if any.
    var extendedEOL: String?

    init(_ product: String, _ release: String, aliases: [String], eol: String, extendedEOL: String?) {
        self.product = product
        self.release = release
        self.aliases = aliases
        self.eol = eol
        self.extendedEOL = extendedEOL
    }

    /// Only Debian's extended phase (LTS) is free; Ubuntu ESM, RHEL ELS and Oracle's are paid.
    var freeSupportEnd: String { product == "debian" ? (extendedEOL ?? eol) : eol }
}
