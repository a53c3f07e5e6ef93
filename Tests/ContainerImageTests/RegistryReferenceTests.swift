import ContainerImage
import Foundation
import Testing

/// Image names normalised as `docker pull` does, and the transports a reference can name.
@Suite struct RegistryReferenceTests {
    @Test(arguments: [
        ("nginx", "docker.io", "library/nginx", "latest", nil),
        ("nginx:1.27", "docker.io", "library/nginx", "1.27", nil),
        ("library/nginx", "docker.io", "library/nginx", "latest", nil),
        ("docker.io/nginx", "docker.io", "library/nginx", "latest", nil),
        ("index.docker.io/library/nginx:1", "docker.io", "library/nginx", "1", nil),
        ("bitnami/redis:7.2", "docker.io", "bitnami/redis", "7.2", nil),
        ("ghcr.io/org/team/app:v1.2.3", "ghcr.io", "org/team/app", "v1.2.3", nil),
        ("localhost/app", "localhost", "app", "latest", nil),
        ("localhost:5000/app:dev", "localhost:5000", "app", "dev", nil),
        ("127.0.0.1:5000/a/b", "127.0.0.1:5000", "a/b", "latest", nil),
        ("[::1]:5000/app:1", "[::1]:5000", "app", "1", nil),
        ("Registry/app", "Registry", "app", "latest", nil),
        ("my_org/my-app__x.y", "docker.io", "my_org/my-app__x.y", "latest", nil),
        ("alpine@sha256:" + String(repeating: "a", count: 64), "docker.io", "library/alpine", nil, "sha256:" + String(repeating: "a", count: 64)),
        ("quay.io/app:3@sha256:" + String(repeating: "b", count: 64), "quay.io", "app", "3", "sha256:" + String(repeating: "b", count: 64)),
    ] as [(String, String, String, String?, String?)])
    func normalisesAsDockerDoes(_ text: String, _ registry: String, _ repository: String, _ tag: String?, _ digest: String?) throws {
        let reference = try RegistryReference(parsing: text)
        #expect(reference.registry == registry && reference.repository == repository)
        #expect(reference.tag == tag && reference.digest?.description == digest)
    }

    @Test func dockerHubHasItsOwnAPIHostAndCredentialKey() throws {
        let hub = try RegistryReference(parsing: "nginx")
        #expect(hub.description == "docker.io/library/nginx:latest")
        #expect(hub.apiHost == "registry-1.docker.io" && hub.credentialKey == "https://index.docker.io/v1/")
        let other = try RegistryReference(parsing: "ghcr.io/org/app:1")
        #expect(other.apiHost == "ghcr.io" && other.credentialKey == "ghcr.io" && other.manifestReference == "1")
        let pinned = try RegistryReference(parsing: "app@sha256:" + String(repeating: "c", count: 64))
        #expect(pinned.manifestReference == "sha256:" + String(repeating: "c", count: 64))
    }

    @Test(arguments: [
        ("", "the image name is empty"),
        ("UPPER", "has `UPPER`"),
        ("app:", "has tag ``"),
        ("app:-x", "has tag `-x`"),
        ("app:" + String(repeating: "t", count: 129), "tags are up to 128"),
        ("a//b", "an empty path component"),
        ("a/-b", "has `-b`"),
        ("a/b.", "has `b.`"),
        ("app@sha256:abc", "has a digest that is not sha256"),
        ("app@md5:" + String(repeating: "a", count: 32), "has a digest that is not sha256"),
        ("host:99999/app", "has port `99999`"),
        ("-bad.io/app", "which is not a host name"),
        ("[::1/app", "unclosed IPv6"),
        (String(repeating: "a/", count: 300) + "b", "longer than"),
    ])
    func refusesWhatDockerRefuses(_ text: String, _ message: String) {
        #expect {
            try RegistryReference(parsing: text)
        } throws: { error in
            (error as? ImageError)?.description.contains(message) == true
        }
    }

    @Test func transportsAndBareNamesPickTheirLocation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plimsoll-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let existing = directory.appendingPathComponent("nginx").path
        FileManager.default.createFile(atPath: existing, contents: Data())
        let hub = try RegistryReference(parsing: "nginx:1")
        #expect(try ImageLocation(parsing: "registry:nginx:1") == .registry(hub))
        #expect(try ImageLocation(parsing: "docker://nginx:1") == .registry(hub))
        #expect(try ImageLocation(parsing: "nginx:1") == .registry(hub))
        #expect(try ImageLocation(parsing: "ghcr.io/org/app") == .registry(try RegistryReference(parsing: "ghcr.io/org/app")))
        #expect(try ImageLocation(parsing: "docker-daemon:app:2") == .daemon(try RegistryReference(parsing: "app:2")))
        // A bare reference that is also an existing path is the path; file-like names stay paths.
        #expect(try ImageLocation(parsing: existing) == .sniffed(path: existing))
        #expect(try ImageLocation(parsing: "build/image.tar") == .sniffed(path: "build/image.tar"))
        #expect(try ImageLocation(parsing: "oci:layout:1") == .ociLayout(path: "layout", tag: "1"))
        #expect(try ImageLocation(parsing: "-") == .standardInput)
        // An existing OCI layout with a tag is the layout; a plain folder of that name is not.
        let layout = directory.appendingPathComponent("oci-dir").path
        try FileManager.default.createDirectory(atPath: layout, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: layout + "/index.json", contents: Data("{}".utf8))
        #expect(try ImageLocation(parsing: layout + ":latest") == .ociLayout(path: layout, tag: "latest"))
        let folder = directory.appendingPathComponent("app").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(try ImageLocation(parsing: folder + ":1") == .sniffed(path: folder + ":1"))
        #expect(throws: ImageError.self) { try ImageLocation(parsing: "https://example.com/app") }
    }
}
