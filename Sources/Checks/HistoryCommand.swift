import HostSystem

/// A history entry's `created_by`, reduced to the instruction keyword and its text so it can be
/// compared with a Dockerfile line. Understands BuildKit (`RUN /bin/sh -c … # buildkit`), the classic
/// builder (`/bin/sh -c #(nop)  CMD ["bash"]`, `/bin/sh -c apt-get …`) and build-argument prefixes (`|1 KEY=value`).
public struct HistoryCommand: Sendable, Equatable {
    public var keyword: String
    public var text: String

    public init(keyword: String, text: String) {
        self.keyword = keyword
        self.text = text
    }

    public init(createdBy: String) {
        var rest = Substring(createdBy).trimmingCharacters(in: " ")
        if rest.hasSuffix("# buildkit") { rest = rest.dropLast("# buildkit".count).trimmingCharacters(in: " ") }
        var keyword = ""
        if let first = rest.split(separator: " ", maxSplits: 1).first, first.allSatisfy({ $0.isUppercase }), !first.isEmpty {
            keyword = String(first)
            rest = rest.dropFirst(first.count).trimmingCharacters(in: " ")
        }
        if rest.hasPrefix("|"), let shell = rest.firstRange(of: "/bin/sh -c ") {
            rest = rest[shell.lowerBound...]
        }
        if rest.hasPrefix("/bin/sh -c ") {
            rest = rest.dropFirst("/bin/sh -c ".count).trimmingCharacters(in: " ")
            if rest.hasPrefix("#(nop)") {
                rest = rest.dropFirst("#(nop)".count).trimmingCharacters(in: " ")
                if let first = rest.split(separator: " ", maxSplits: 1).first {
                    keyword = String(first)
                    rest = rest.dropFirst(first.count).trimmingCharacters(in: " ")
                }
            } else if keyword.isEmpty {
                keyword = "RUN"
            }
        }
        self.keyword = keyword
        self.text = HistoryCommand.collapsingWhitespace(rest)
    }

    static func collapsingWhitespace(_ text: Substring) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\\" }).joined(separator: " ")
    }
}
