import Packages
import Testing

/// Purls are read back (for `scan --sbom`) exactly as they were written.
@Suite struct PackageURLTests {
    @Test(arguments: [
        ("deb", "debian", "libssl3", "3.0.11-1~deb12u2", ["arch": "amd64", "upstream": "openssl@3.0.11-1~deb12u2", "distro": "debian-12"]),
        ("npm", "@types", "node", "20.1.0+build.7", [:]),
        ("golang", "github.com/spf13", "cobra", "v1.8.0", [:]),
        ("apk", "alpine", "busybox-binsh", "1.36.1-r15", ["upstream": "busybox", "distro": "alpine-3.19.1"]),
        ("pypi", nil, "zope.interface", "6.0", [:]),
    ] as [(String, String?, String, String, [String: String])])
    func parsingUndoesMaking(_ type: String, _ namespace: String?, _ name: String, _ version: String, _ qualifiers: [String: String]) {
        let text = PackageURL.make(type: type, namespace: namespace, name: name, version: version, qualifiers: qualifiers)
        let parts = PackageURL.parse(text)
        #expect(parts == PackageURL.Parts(type: type, namespace: namespace, name: name, version: version, qualifiers: qualifiers), "\(text)")
    }

    @Test func notPurlsAreRefused() {
        for text in ["", "pkg:", "pkg:npm", "npm/left-pad@1.0.0", "pkg:/x"] {
            #expect(PackageURL.parse(text) == nil, "\(text)")
        }
        #expect(PackageURL.parse("pkg:npm/left-pad#sub/path")?.version == nil)
        #expect(PackageURL.parse("pkg:npm/bad%zz@1")?.name == "bad%zz")
    }
}
