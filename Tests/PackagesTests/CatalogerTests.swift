import ContainerImage
import Foundation
import ImageFixtures
@testable import Packages
import Testing

let pkgdb = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/corpus/pkgdb")

/// A corpus file; tests that read one are enabled only with ../shared.
func corpusFile(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: pkgdb.appendingPathComponent(name)))
}

func inventory(_ files: [(String, String)], distribution: OSRelease? = OSRelease(id: "debian", versionID: "12")) -> ([InstalledPackage], [CatalogWarning]) {
    PackageCatalog.inventory(files.map { CatalogFile(path: $0.0, layer: 0, content: Array($0.1.utf8)) }, distribution: distribution)
}

@Suite struct CatalogerTests {
    @Test func debianLicensesComeFromCopyrightFilesAsSyftReadsThem() throws {
        let copyright = Array("""
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
            Files: *
            License: GPL-2+

            Files: lib/*
            License: LGPL-2.1 or BSD-3-clause
            License: none

            License: Expat.
             Permission is hereby granted...
            Comment: see /usr/share/common-licenses/GPL-2, and /usr/share/common-licenses/LGPL-2.1.
            """.utf8)
        #expect(DebianCopyright.licenses(copyright) == ["Expat", "GPL-2", "GPL-2+", "LGPL-2.1"])
        // A field on the first line, CRLF line ends, a reference at the very end, a field name
        // inside a line (not a field) and a value cut short by the file's end.
        let edges = Array("License: MIT\r\nFiles: x\r\n X-License: Zlib\r\nLicense: BSD-2-clause\r\nsee /usr/share/common-licenses/Apache-2.0".utf8)
        #expect(DebianCopyright.licenses(edges) == ["Apache-2.0", "BSD-2-clause", "MIT"])
        #expect(DebianCopyright.licenses(Array("License: ".utf8)).isEmpty && DebianCopyright.licenses(Array("x\nLicense: ISC".utf8)) == ["ISC"])
        // The doc directory of a binary package is often a link to its source's.
        var layer = TarBuilder()
        layer.file("etc/os-release", Array("ID=debian\nVERSION_ID=\"12\"\n".utf8))
        layer.file("var/lib/dpkg/status", Array("""
            Package: libgcc-s1
            Status: install ok installed
            Source: gcc-12
            Version: 12.2.0-14

            Package: gcc-12-base
            Status: install ok installed
            Source: gcc-12
            Version: 12.2.0-14

            Package: tzdata
            Status: install ok installed
            Version: 2024a-0+deb12u1

            """.utf8))
        layer.file("usr/share/doc/gcc-12-base/copyright", copyright)
        layer.symlink("usr/share/doc/libgcc-s1", to: "gcc-12-base")
        let image = FixtureImage(layers: [.init(layer, createdBy: "ADD rootfs /")])
        let directory = TemporaryDirectory()
        let loaded = try ImageLoader.load(try directory.write(image.dockerArchive(), to: "i.tar"), platform: nil)
        var reader = LayerReader(verifiesDigests: true, capture: { path, size in SoftwareBill.bytesWanted(path: path, size: size) })
        reader.inspector = SoftwareBill.inspector
        let bill = SoftwareBill(reference: "i.tar", image: loaded, changes: try LayerScan.read(loaded, with: reader), created: "", documentID: "")
        #expect(bill.packages.map { "\($0.name) \($0.licenses)" } == ["gcc-12-base [\"Expat\", \"GPL-2\", \"GPL-2+\", \"LGPL-2.1\"]",
                                                                         "libgcc-s1 [\"Expat\", \"GPL-2\", \"GPL-2+\", \"LGPL-2.1\"]", "tzdata []"])
    }

    @Test func languagePackagesADebianPackageInstalledAreNotCountedTwice() {
        let metadata = { (name: String, version: String) in Array("Metadata-Version: 2.1\nName: \(name)\nVersion: \(version)\n".utf8) }
        let files = [
            CatalogFile(path: "var/lib/dpkg/status", layer: 0, content: Array("""
                Package: python3-yaml
                Status: install ok installed
                Source: pyyaml
                Version: 6.0-3+b2

                """.utf8)),
            CatalogFile(path: "var/lib/dpkg/info/python3-yaml.list", layer: 0, content: Array("""
                /.
                /usr/lib/python3/dist-packages/PyYAML-6.0.dist-info
                /usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA

                """.utf8)),
            CatalogFile(path: "var/lib/dpkg/status.d/python3-six.md5sums", layer: 0, content: Array("""
                d41d8cd98f00b204e9800998ecf8427e  usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA

                """.utf8)),
            CatalogFile(path: "usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA", layer: 0, content: metadata("PyYAML", "6.0")),
            CatalogFile(path: "usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA", layer: 0, content: metadata("six", "1.16.0")),
            CatalogFile(path: "usr/local/lib/python3.11/site-packages/PyYAML-6.0.1.dist-info/METADATA", layer: 1, content: metadata("PyYAML", "6.0.1")),
        ]
        let (packages, _) = PackageCatalog.inventory(files, distribution: OSRelease(id: "debian", versionID: "12"))
        #expect(packages.map { "\($0.type.rawValue) \($0.name) \($0.version)" } == ["deb python3-yaml 6.0-3+b2", "pypi PyYAML 6.0.1"])
    }

    @Test func gemspecsAreReadInEveryFormRubyGemsWrites() {
        let files = [
            CatalogFile(path: "usr/local/bundle/specifications/rack-3.0.8.gemspec", layer: 2, content: Array("""
                # -*- encoding: utf-8 -*-
                # stub: rack 3.0.8 ruby lib
                Gem::Specification.new do |s|
                  s.name = "rack".freeze
                  s.version = "3.0.8"
                  s.licenses = ["MIT".freeze]
                  s.summary = "a = b".freeze
                end
                """.utf8)),
            CatalogFile(path: "usr/lib/ruby/gems/2.7.0/specifications/default/json-2.3.0.gemspec", layer: 0, content: Array("""
                Gem::Specification.new do |spec|
                  spec.name = %q{json}
                  spec.version = Gem::Version.new('2.3.0')
                  spec.license = 'Ruby'
                end
                """.utf8)),
            CatalogFile(path: "var/lib/gems/3.1.0/specifications/broken.gemspec", layer: 1, content: Array("Gem::Specification.new do |s|\n  s.name = \"x\"\nend\n".utf8)),
            CatalogFile(path: "app/vendor/rack.gemspec", layer: 1, content: Array("s.name = \"not-installed\"\ns.version = \"1\"\n".utf8)),
        ]
        let (packages, warnings) = PackageCatalog.inventory(files.filter { file in PackageCatalog.bytesWanted(path: file.path, size: 100) > 0 }, distribution: nil)
        #expect(packages.map { "\($0.purl) \($0.licenses) \($0.locations.map(\.path))" } == [
            "pkg:gem/json@2.3.0 [\"Ruby\"] [\"/usr/lib/ruby/gems/2.7.0/specifications/default/json-2.3.0.gemspec\"]",
            "pkg:gem/rack@3.0.8 [\"MIT\"] [\"/usr/local/bundle/specifications/rack-3.0.8.gemspec\"]",
        ])
        #expect(warnings == [CatalogWarning(path: "/var/lib/gems/3.1.0/specifications/broken.gemspec", message: "a gemspec without a name or version")])
    }

    @Test func dpkgKeepsOnlyInstalledPackagesWithTheirSource() throws {
        let status = """
            Package: bash
            Status: install ok installed
            Architecture: amd64
            Source: bash (5.2.15-2)
            Version: 5.2.15-2+b13
            Description: GNU Bourne Again SHell
             Bash is an sh-compatible command language interpreter.
             .
             More text.

            Package: old-tool
            Status: deinstall ok config-files
            Version: 1.0

            Package: libacl1
            Status: install ok installed
            Architecture: amd64
            Source: acl
            Version: 2.3.1-3
            """
        let (packages, warnings) = inventory([("var/lib/dpkg/status", status)])
        #expect(warnings.isEmpty)
        #expect(packages.map(\.name) == ["bash", "libacl1"])
        #expect(packages[0].purl == "pkg:deb/debian/bash@5.2.15-2%2Bb13?arch=amd64&distro=debian-12&upstream=bash%405.2.15-2")
        #expect(packages[1].purl == "pkg:deb/debian/libacl1@2.3.1-3?arch=amd64&distro=debian-12&upstream=acl")
        #expect(packages[0].locations == [PackageLocation(path: "/var/lib/dpkg/status", layer: 0)])
    }

    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func dpkgCorpusFiles() throws {
        let deinstall = try corpusFile("anchore__syft__syft__pkg__cataloger__debian__testdata__var__lib__dpkg__status.d__deinstall")
        let multiple = try corpusFile("anchore__syft__syft__pkg__cataloger__debian__testdata__var__lib__dpkg__status.d__multiple")
        let image = try corpusFile("anchore__syft__syft__pkg__cataloger__debian__testdata__image-dpkg__var__lib__dpkg__status")
        let files = [("var/lib/dpkg/status.d/deinstall", deinstall), ("var/lib/dpkg/status.d/multiple", multiple), ("var/lib/dpkg/status", image)]
        let (packages, warnings) = PackageCatalog.inventory(files.map { CatalogFile(path: $0.0, layer: 0, content: $0.1) }, distribution: nil)
        // syft's fixtures hold an empty `Package:` and a package without a version on purpose.
        #expect(warnings.count == 3, "\(warnings)")
        #expect(packages.count == 1 + 2 + 1, "the deinstalled entry is left out: \(packages.map(\.name))")
        #expect(packages.allSatisfy { $0.purl.hasPrefix("pkg:deb/debian/") && !$0.purl.contains("distro=") })
    }

    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func apkRecordsWithOriginAndLicense() throws {
        let database = "C:Q1abc=\nP:musl-utils\nV:1.1.24-r2\nA:x86_64\nL:MIT BSD GPL2+\no:musl\nF:sbin\nR:ldconfig\n\nP:busybox\nV:1.36.1-r15\nA:x86_64\nL:GPL-2.0-only\no:busybox\n"
        let (packages, _) = inventory([("lib/apk/db/installed", database)], distribution: OSRelease(id: "alpine", versionID: "3.19.1"))
        #expect(packages.map(\.purl) == [
            "pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&upstream=busybox",
            "pkg:apk/alpine/musl-utils@1.1.24-r2?arch=x86_64&distro=alpine-3.19.1&upstream=musl",
        ])
        #expect(packages[1].licenses == ["MIT", "BSD", "GPL2+"])
        let corpus = try corpusFile("aquasecurity__trivy__pkg__fanal__analyzer__pkg__apk__testdata__apk")
        let fromCorpus = PackageCatalog.inventory([CatalogFile(path: "lib/apk/db/installed", layer: 0, content: corpus)], distribution: nil)
        // trivy's fixture has one record without a version on purpose.
        #expect(fromCorpus.packages.count == 15 && fromCorpus.warnings.count == 1, "\(fromCorpus.warnings)")
    }

    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func pythonMetadataAndEggInfo() throws {
        let metadata = "Metadata-Version: 2.1\nName: Flask_Login\nVersion: 0.6.3\nLicense: MIT\n\nLong description: not a header\n"
        let (packages, _) = inventory([
            ("usr/local/lib/python3.12/site-packages/Flask_Login-0.6.3.dist-info/METADATA", metadata),
            ("usr/lib/python3/dist-packages/six-1.16.0.egg-info", "Metadata-Version: 1.2\nName: six\nVersion: 1.16.0\nLicense: UNKNOWN\n"),
        ])
        #expect(packages.map(\.purl) == ["pkg:pypi/flask-login@0.6.3", "pkg:pypi/six@1.16.0"])
        #expect(packages[0].name == "Flask_Login" && packages[0].licenses == ["MIT"] && packages[1].licenses.isEmpty)
        let pygments = try corpusFile("anchore__syft__syft__pkg__cataloger__python__testdata__site-packages__license__with-license-file-declared.dist-info__METADATA")
        let requests = try corpusFile("anchore__syft__syft__pkg__cataloger__python__testdata__site-packages__nested__egg-name__egg-info__PKG-INFO")
        let corpus = PackageCatalog.inventory([
            CatalogFile(path: "x/Pygments.dist-info/METADATA", layer: 0, content: pygments),
            CatalogFile(path: "x/requests.egg-info/PKG-INFO", layer: 0, content: requests),
        ], distribution: nil).packages
        #expect(corpus.map { "\($0.name) \($0.version)" } == ["Pygments 2.6.1", "requests 2.22.0"])
    }

    @Test func npmScopedPackagesAndTheApplicationItself() throws {
        let (packages, warnings) = inventory([
            ("app/package.json", #"{"name": "shop-api", "version": "1.4.0", "private": true}"#),
            ("app/node_modules/@types/node/package.json", #"{"name": "@types/node", "version": "20.11.5", "license": "MIT"}"#),
            ("app/node_modules/left-pad/package.json", #"{"name": "left-pad", "version": "1.3.0", "license": {"type": "WTFPL"}}"#),
            ("app/node_modules/nameless/package.json", #"{"version": "1.0.0"}"#),
            ("app/node_modules/broken/package.json", #"{"name": "#),
        ])
        #expect(packages.map(\.purl) == ["pkg:npm/%40types/node@20.11.5", "pkg:npm/left-pad@1.3.0", "pkg:npm/shop-api@1.4.0"])
        #expect(packages[1].licenses == ["WTFPL"])
        #expect(warnings == [CatalogWarning(path: "/app/node_modules/broken/package.json", message: "not a valid package.json")])
    }

    @Test func identicalPackagesFoundTwiceAreMergedWithBothLocations() {
        let manifest = #"{"name": "ms", "version": "2.1.3"}"#
        let (packages, _) = inventory([("a/node_modules/ms/package.json", manifest), ("b/node_modules/ms/package.json", manifest)])
        #expect(packages.count == 1 && packages[0].locations.count == 2)
    }

    @Test func badEntriesAreWarningsAndTheRestIsKept() {
        let hugeDescription = String(repeating: " x", count: 5_000_000)
        let status = """
            Package: good
            Status: install ok installed
            Version: 1.0
            Description: big
            \(hugeDescription)

            Status: install ok installed
            Version: 2.0

            Package: versionless
            Status: install ok installed

            Package: good
            Status: install ok installed
            Version: 1.0
            """
        let (packages, warnings) = inventory([
            ("var/lib/dpkg/status", status),
            ("srv/x.dist-info/METADATA", "this is not metadata at all"),
            ("lib/apk/db/installed", "P:orphan\n\nV:1\n"),
        ])
        #expect(packages.map(\.name) == ["good"])
        #expect(warnings.count == 5, "\(warnings)")
    }

    @Test(arguments: [
        ("Flask_Login", "flask-login"), ("zope.interface", "zope-interface"), ("A__B--C..d", "a-b-c-d"), ("requests", "requests"),
    ])
    func pep503Normalisation(_ name: String, _ expected: String) {
        #expect(PackageNames.pep503(name) == expected)
    }

    @Test func purlEncoding() {
        #expect(PackageURL.make(type: "deb", namespace: "debian", name: "libc6", version: "1:2.36-9+deb12u4",
                                qualifiers: ["upstream": "glibc@2.36", "arch": "amd64", "empty": ""])
                == "pkg:deb/debian/libc6@1:2.36-9%2Bdeb12u4?arch=amd64&upstream=glibc%402.36")
        #expect(PackageURL.make(type: "npm", namespace: "@scope", name: "a b", version: nil) == "pkg:npm/%40scope/a%20b")
    }
}
