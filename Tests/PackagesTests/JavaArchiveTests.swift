import ContainerImage
import Foundation
import ImageFixtures
@testable import Packages
import Testing

/// Java archives read as they stream past, whatever the piece size, with or without data
/// descriptors, nested archives included.
@Suite struct JavaArchiveTests {
    /// A Python output that cannot seek, like a pipe: zipfile then gives every member a data
    /// descriptor (sizes after the data), as the JDK's `jar` writes deflated members.
    static let pythonPipe = """
        class Pipe(io.RawIOBase):
            def __init__(self): self.data = bytearray()
            def writable(self): return True
            def write(self, b): self.data += b; return len(b)
            def seekable(self): return False
            def tell(self): raise OSError("not seekable")
        """

    /// A zip written by Python's zipfile; `streamed` writes it to a `pythonPipe`.
    static func zip(_ members: [(String, [UInt8], deflate: Bool)], streamed: Bool = false) throws -> [UInt8] {
        let script = """
            import sys, zipfile, json, io
            members = json.loads(sys.stdin.read())
            \(pythonPipe)
            target = Pipe() if sys.argv[1] == "1" else io.BytesIO()
            with zipfile.ZipFile(target, "w") as archive:
                for name, data, deflate in members:
                    info = zipfile.ZipInfo(name)
                    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
                    archive.writestr(info, bytes(data))
            sys.stdout.buffer.write(target.data if sys.argv[1] == "1" else target.getvalue())
            """
        let json = "[" + members.map { "[\"\($0.0)\", [\($0.1.map(String.init).joined(separator: ","))], \($0.deflate ? "true" : "false")]" }
            .joined(separator: ",") + "]"
        let outcome = try ExternalTool.run(["python3", "-c", script, streamed ? "1" : "0"], input: Array(json.utf8))
        try #require(outcome.status == 0, "\(outcome.text)")
        return outcome.output
    }

    static func pom(_ group: String, _ artifact: String, _ version: String) -> (String, [UInt8], deflate: Bool) {
        ("META-INF/maven/\(group)/\(artifact)/pom.properties", Array("#Generated\nversion=\(version)\ngroupId=\(group)\nartifactId=\(artifact)\n".utf8), true)
    }

    static func manifest(_ fields: String) -> (String, [UInt8], deflate: Bool) {
        ("META-INF/MANIFEST.MF", Array("Manifest-Version: 1.0\r\n\(fields)\r\n".utf8), true)
    }

    /// A Spring Boot style application: its own pom, a stored nested jar and a deflated one (each with a
    /// pom), a shaded library's pom, and filler classes. Streamed, every member is deflated, as the
    /// JDK's `jar` writes them (a stored member must have its size up front).
    static func application(streamed: Bool) throws -> [UInt8] {
        let stored = try zip([manifest("Implementation-Version: 2.15.2"), pom("com.fasterxml.jackson.core", "jackson-databind", "2.15.2")],
                             streamed: false)
        let deflated = try zip([pom("org.yaml", "snakeyaml", "1.33"), ("org/yaml/Yaml.class", Array(repeating: 7, count: 5000), true)],
                               streamed: streamed)
        return try zip([
            manifest("Main-Class: org.springframework.boot.loader.JarLauncher\r\nImplementation-Title: shop"),
            ("com/example/Shop.class", Array((0..<20_000).map { UInt8($0 % 251) }), true),
            pom("com.example", "shop", "1.4.0"),
            pom("com.google.guava", "guava", "31.1-jre"),
            ("BOOT-INF/lib/jackson-databind-2.15.2.jar", stored, streamed),
            ("BOOT-INF/lib/snakeyaml-1.33.jar", deflated, true),
            ("BOOT-INF/classes/application.properties", Array("server.port=8080\n".utf8), streamed),
        ], streamed: streamed)
    }

    static func purls(of archive: [UInt8], named name: String, pieceSize: Int, inflationLimit: Int = JavaArchiveInspector.inflationLimit,
                      warnings: inout [CatalogWarning]) -> [String] {
        let inspector = JavaArchiveInspector(inflationLimit: inflationLimit)
        inspector.consume(archive, piecesOf: pieceSize)
        guard let blob = inspector.extracted else { return [] }
        let found = JavaArchives.packages(path: "app/" + name, layer: 1, blob: blob)
        warnings += found.warnings
        return PackageCatalog.merged(found.packages).map(\.purl)
    }

    static func purls(of archive: [UInt8], named name: String, pieceSize: Int) -> [String] {
        var warnings: [CatalogWarning] = []
        return purls(of: archive, named: name, pieceSize: pieceSize, warnings: &warnings)
    }

    static let applicationPurls = [
        "pkg:maven/com.example/shop@1.4.0", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.2",
        "pkg:maven/com.google.guava/guava@31.1-jre", "pkg:maven/org.yaml/snakeyaml@1.33",
    ]

    @Test(arguments: [(false, 1), (false, 7), (false, 4096), (true, 1), (true, 13), (true, 65_536)])
    func nestedArchivesAreReadInAnyPieces(_ streamed: Bool, _ pieceSize: Int) throws {
        let archive = try Self.application(streamed: streamed)
        #expect(Self.purls(of: archive, named: "shop.jar", pieceSize: pieceSize).sorted() == Self.applicationPurls)
    }

    @Test func namesComeFromTheFileTheManifestAndTheMatchingPom() throws {
        // Version from the file name, group fallback to the name (no pom, no domain-like manifest field).
        let plain = try Self.zip([Self.manifest("Created-By: Ant")])
        #expect(Self.purls(of: plain, named: "aopalliance-1.0.jar", pieceSize: 512) == ["pkg:maven/aopalliance/aopalliance@1.0"])
        // Version and group from the manifest (Bundle-SymbolicName looks like a package); a shaded pom stands apart.
        let bundle = try Self.zip([Self.manifest("Bundle-SymbolicName: com.google.inject\r\nBundle-Version: 4.2.3"), Self.pom("cglib", "cglib", "3.2.12")])
        #expect(Self.purls(of: bundle, named: "guice.jar", pieceSize: 512).sorted() == ["pkg:maven/cglib/cglib@3.2.12", "pkg:maven/com.google.inject/guice@4.2.3"])
        // A pom for another artifact id than the file's: both.
        let renamed = try Self.zip([Self.manifest("Implementation-Title: Maven Core\r\nImplementation-Version: 3.8.7"),
                                    Self.pom("org.apache.maven", "maven-core", "3.8.7")])
        #expect(Self.purls(of: renamed, named: "maven3-core.jar", pieceSize: 512).sorted()
                == ["pkg:maven/maven3-core/maven3-core@3.8.7", "pkg:maven/org.apache.maven/maven-core@3.8.7"])
        // A pom whose artifact id begins with the file's name is the archive's own: its name and version win.
        let spec = try Self.zip([Self.manifest("Implementation-Version: 1.0.1"), Self.pom("org.apache.geronimo.specs", "geronimo-interceptor_3.0_spec", "1.0.1")])
        #expect(Self.purls(of: spec, named: "geronimo-interceptor-3.0-spec.jar", pieceSize: 512)
                == ["pkg:maven/org.apache.geronimo.specs/geronimo-interceptor_3.0_spec@1.0.1"])
        // No version anywhere: no package (syft lists it as UNKNOWN).
        #expect(Self.purls(of: try Self.zip([Self.manifest("Created-By: javac")]), named: "gettext.jar", pieceSize: 512).isEmpty)
        // Continuation lines of the manifest are joined.
        #expect(JavaArchives.manifest(Array("Bundle-Description: a long\r\n  text\r\nBundle-Version: 1\r\n\r\nName: x\r\nBundle-Version: 2\r\n".utf8))
                == ["Bundle-Description": "a long text", "Bundle-Version": "1"])
        #expect(JavaArchives.split(fileName: "spring-boot-3.1.0-SNAPSHOT.jar") == ("spring-boot", "3.1.0-SNAPSHOT"))
        #expect(JavaArchives.split(fileName: "guice-no-aop.jar") == ("guice-no-aop", nil))
    }

    @Test func damagedAndForeignArchivesYieldWhatTheyCan() throws {
        let archive = try Self.application(streamed: true)
        // Cut inside the nested deflated jar: what came before is kept.
        let cut = Array(archive.prefix(archive.count * 3 / 4))
        let partial = Self.purls(of: cut, named: "shop.jar", pieceSize: 1000)
        #expect(partial.contains("pkg:maven/com.example/shop@1.4.0") && partial.count < Self.applicationPurls.count + 1)
        #expect(Self.purls(of: Array("not a zip at all, just text".utf8), named: "x.jar", pieceSize: 5).isEmpty)
        var garbled = archive
        for index in stride(from: 200, to: garbled.count, by: 97) { garbled[index] ^= 0x5A }
        _ = Self.purls(of: garbled, named: "shop.jar", pieceSize: 333)
    }

    @Test func licensesComeFromTheManifestOrThePomBesideTheProperties() throws {
        let pomXML = Array("""
            <project><licenses>
              <license><name>Apache License, Version 2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0</url></license>
              <license><name> MIT </name></license>
            </licenses><name>not a license</name></project>
            """.utf8)
        let archive = try Self.zip([
            Self.manifest("Bundle-License: http://www.apache.org/licenses/LICENSE-2.0.txt\r\nBundle-Version: 4.2.3"),
            Self.pom("com.example", "bundled", "1.0"),
            ("META-INF/maven/com.example/bundled/pom.xml", pomXML, true),
        ])
        let inspector = JavaArchiveInspector()
        inspector.consume(archive, piecesOf: 100)
        let packages = JavaArchives.packages(path: "lib/guice.jar", layer: 0, blob: try #require(inspector.extracted)).packages
        #expect(packages.map { "\($0.name) \($0.licenses)" }.sorted()
                == ["bundled [\"Apache License, Version 2.0\", \"MIT\"]", "guice [\"http://www.apache.org/licenses/LICENSE-2.0.txt\"]"])
    }

    static let mitText = """
        MIT License

        Copyright (c) 2024 Example

        Permission is hereby granted, free of charge, to any person obtaining a copy
        of this software and associated documentation files (the "Software"), to deal
        in the Software without restriction.

        The above copyright notice and this permission notice shall be included in all
        copies or substantial portions of the Software.
        """

    @Test func withoutDeclaredLicensesTheLicenseFileIsRecognised() throws {
        let apache = try #require(FileManager.default.contents(atPath: "/usr/share/common-licenses/Apache-2.0"), "Debian's base-files")
        let archive = try Self.zip([
            Self.manifest("Implementation-Version: 2.11.0"), ("META-INF/LICENSE.txt", [UInt8](apache), true),
            ("LICENSE", Array(Self.mitText.utf8), false),
        ])
        let inspector = JavaArchiveInspector()
        inspector.consume(archive, piecesOf: 512)
        let packages = JavaArchives.packages(path: "usr/share/java/commons-io.jar", layer: 0, blob: try #require(inspector.extracted)).packages
        #expect(packages.map(\.licenses) == [["Apache-2.0"]], "META-INF's file wins over the root's, as in syft")
        let declared = try Self.zip([Self.manifest("Bundle-License: EPL-2.0\r\nImplementation-Version: 1.0"), ("LICENSE", Array(Self.mitText.utf8), true)])
        let other = JavaArchiveInspector()
        other.consume(declared, piecesOf: 512)
        #expect(JavaArchives.packages(path: "x.jar", layer: 0, blob: try #require(other.extracted)).packages.map(\.licenses) == [["EPL-2.0"]])
    }

    @Test func licenseTextsAreRecognisedOnlyWhenUnambiguous() throws {
        func identify(_ path: String) throws -> [String] {
            LicenseText.identify([UInt8](try #require(FileManager.default.contents(atPath: "/usr/share/common-licenses/" + path))))
        }
        #expect(try identify("Apache-2.0") == ["Apache-2.0"])
        #expect(try identify("BSD") == ["BSD-3-Clause"])
        #expect(try identify("MPL-2.0") == ["MPL-2.0"])
        #expect(try identify("MPL-1.1").isEmpty && identify("GPL-2").isEmpty && identify("LGPL-2.1").isEmpty, "versions the text alone cannot settle")
        #expect(LicenseText.identify(Array(Self.mitText.uppercased().utf8)) == ["MIT"])
        #expect(LicenseText.identify(Array("Licensed under the Apache License.".utf8)).isEmpty)
    }

    @Test func aZipBombStopsTheWalkWithAWarning() throws {
        // 64 MiB of zeros deflate to ~64 KiB; with a descriptor its end is found only by inflating it.
        let script = """
            import sys, zipfile, io
            \(Self.pythonPipe)
            target = Pipe()
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("META-INF/maven/com.example/early/pom.properties", "groupId=com.example\\nartifactId=early\\nversion=1.0\\n")
                archive.writestr("zeros.bin", bytes(64 << 20))
                archive.writestr("META-INF/maven/com.example/late/pom.properties", "groupId=com.example\\nartifactId=late\\nversion=2.0\\n")
            sys.stdout.buffer.write(target.data)
            """
        let bomb = try ExternalTool.run(["python3", "-c", script]).output
        var warnings: [CatalogWarning] = []
        let purls = Self.purls(of: bomb, named: "bomb.jar", pieceSize: 65_536, inflationLimit: 8 << 20, warnings: &warnings)
        #expect(purls == ["pkg:maven/com.example/early@1.0"])
        #expect(warnings == [CatalogWarning(path: "/app/bomb.jar",
                                            message: "stopped reading after 8 MiB of inflated content (a zip bomb?); packages after that point are missing")])
        var none: [CatalogWarning] = []
        #expect(Self.purls(of: bomb, named: "bomb.jar", pieceSize: 65_536, warnings: &none).sorted()
                == ["pkg:maven/com.example/early@1.0", "pkg:maven/com.example/late@2.0"] && none.isEmpty)
    }

    /// Real jars from the machine's Maven, read as syft reads them (same purls).
    static let realJars = ["commons-lang3-3.12.0.jar", "aopalliance-1.0.jar", "guice.jar", "maven3-core.jar"]

    @Test(.enabled(if: realJars.allSatisfy { FileManager.default.fileExists(atPath: "/usr/share/java/" + $0) },
                   "the jars of Debian's maven package are not in /usr/share/java"))
    func realJarsGetSyftsNames() throws {
        let jars = Self.realJars
        let directory = URL(fileURLWithPath: "/usr/share/java")
        var purls: [String] = []
        for jar in jars {
            purls += Self.purls(of: [UInt8](try Data(contentsOf: directory.appendingPathComponent(jar))), named: jar, pieceSize: 65_536)
        }
        #expect(purls.sorted() == ["pkg:maven/aopalliance/aopalliance@1.0", "pkg:maven/cglib/cglib@3.2.12", "pkg:maven/com.google.inject/guice@4.2.3",
                                   "pkg:maven/maven3-core/maven3-core@3.8.7", "pkg:maven/org.apache.commons/commons-lang3@3.12.0",
                                   "pkg:maven/org.apache.maven/maven-core@3.8.7"])
    }
}
