import ContainerImage

/// Reads a Java archive (`.jar`, `.war`, `.ear`, Jenkins `.hpi`/`.jpi`) as it streams past: its
/// manifest, its `META-INF/maven/**/pom.properties` and pom.xml, its license file (`LICENSE`,
/// `COPYING`… in `META-INF/` or at the root), and the same inside the archives it carries
/// (a WAR's `WEB-INF/lib`, a Spring Boot jar's `BOOT-INF/lib`), three levels deep. Nothing else of
/// the file is kept.
final class JavaArchiveInspector: ContentInspector {
    /// What was found, by the chain of archive member names leading to it (empty: the file itself).
    struct Finding: Equatable {
        /// `warning`: the walk stopped early; its content is the reason.
        enum Kind: UInt8 { case archive = 0x41, manifest = 0x4D, pom = 0x50, pomXML = 0x58, licenseFile = 0x4C, warning = 0x57 }
        var kind: Kind
        var chain: [String]
        /// The member it was read from, inside the archive the chain leads to.
        var member: String = ""
        var content: [UInt8]
    }

    static let depthLimit = 3
    static let manifestPath = "META-INF/MANIFEST.MF"
    /// Inflated bytes one archive (all levels) may produce before the walk stops.
    static let inflationLimit = 1 << 30

    private var findings: [Finding] = []
    private var scopes: [Scope] = []
    private var root: ZipStreamWalker!
    private let budget: ZipStreamWalker.InflationBudget

    init(inflationLimit: Int = JavaArchiveInspector.inflationLimit) {
        budget = ZipStreamWalker.InflationBudget(inflationLimit)
        let scope = Scope(chain: [], inspector: self)
        scopes.append(scope)
        root = ZipStreamWalker(delegate: scope, budget: budget)
    }

    /// License file names, as syft looks for them in `META-INF/` and then at the archive's root.
    static let licenseFileNames: Set<String> = ["license", "license.txt", "license.md", "licence", "licence.txt", "licence.md",
                                                "copying", "copying.txt", "license-2.0.txt"]

    static func isLicenseFile(_ member: String) -> Bool {
        let lowered = member.lowercased()
        return licenseFileNames.contains(lowered.hasPrefix("meta-inf/") ? String(lowered.dropFirst("meta-inf/".count)) : lowered)
    }

    static func isArchive(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return [".jar", ".war", ".ear", ".hpi", ".jpi"].contains { lowered.hasSuffix($0) }
    }

    func consume(_ bytes: UnsafeRawBufferPointer) -> Bool {
        root.feed(bytes)
        return !root.isFinished
    }

    var extracted: [UInt8]? {
        root.finish()
        guard root.memberCount > 0 else { return nil }
        var all = [Finding(kind: .archive, chain: [], content: [])] + findings
        if budget.exhausted {
            all.append(Finding(kind: .warning, chain: [], content: Array("stopped reading after \(budget.limit >> 20) MiB of inflated content (a zip bomb?); packages after that point are missing".utf8)))
        }
        return Self.encode(all)
    }

    /// One archive level: collects its manifest and pom.properties, descends into archives it holds.
    private final class Scope: ZipStreamDelegate {
        let chain: [String]
        unowned let inspector: JavaArchiveInspector

        init(chain: [String], inspector: JavaArchiveInspector) {
            self.chain = chain
            self.inspector = inspector
        }

        func action(for name: String) -> ZipStreamWalker.Action {
            if name == JavaArchiveInspector.manifestPath
                || (name.hasPrefix("META-INF/maven/") && (name.hasSuffix("/pom.properties") || name.hasSuffix("/pom.xml")))
                || JavaArchiveInspector.isLicenseFile(name) {
                return .collect
            }
            guard JavaArchiveInspector.isArchive(name), chain.count < JavaArchiveInspector.depthLimit else { return .skip }
            let nested = Scope(chain: chain + [name], inspector: inspector)
            inspector.scopes.append(nested)
            inspector.findings.append(Finding(kind: .archive, chain: nested.chain, content: []))
            return .descend(ZipStreamWalker(delegate: nested, budget: inspector.budget))
        }

        func collected(_ name: String, _ content: [UInt8]) {
            let kind: Finding.Kind = name == JavaArchiveInspector.manifestPath ? .manifest
                : JavaArchiveInspector.isLicenseFile(name) ? .licenseFile : (name.hasSuffix(".xml") ? .pomXML : .pom)
            inspector.findings.append(Finding(kind: kind, chain: chain, member: name, content: content))
        }
    }

    /// `kind`, chain length, each chain name, the member and the content, lengths as 4 little-endian bytes.
    static func encode(_ findings: [Finding]) -> [UInt8] {
        var bytes: [UInt8] = []
        func append(_ piece: [UInt8]) {
            withUnsafeBytes(of: UInt32(piece.count).littleEndian) { bytes += $0 }
            bytes += piece
        }
        for finding in findings {
            bytes.append(finding.kind.rawValue)
            bytes.append(UInt8(finding.chain.count))
            for name in finding.chain { append(Array(name.utf8)) }
            append(Array(finding.member.utf8))
            append(finding.content)
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) -> [Finding] {
        var findings: [Finding] = []
        var at = 0
        func piece() -> [UInt8]? {
            guard at + 4 <= bytes.count else { return nil }
            let length = bytes.unsigned32(at: at)
            guard at + 4 + length <= bytes.count else { return nil }
            defer { at += 4 + length }
            return Array(bytes[(at + 4)..<(at + 4 + length)])
        }
        while at + 2 <= bytes.count {
            guard let kind = Finding.Kind(rawValue: bytes[at]) else { break }
            let depth = Int(bytes[at + 1])
            at += 2
            var chain: [String] = []
            for _ in 0..<depth {
                guard let name = piece() else { return findings }
                chain.append(String(decoding: name, as: UTF8.self))
            }
            guard let member = piece(), let content = piece() else { return findings }
            findings.append(Finding(kind: kind, chain: chain, member: String(decoding: member, as: UTF8.self), content: content))
        }
        return findings
    }
}
