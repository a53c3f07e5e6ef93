// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "plimsoll",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plimsoll", targets: ["PlimsollCLI"]),
        .library(name: "DockerfileSyntax", targets: ["DockerfileSyntax"]),
        .library(name: "Checks", targets: ["Checks"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "BuildContext", targets: ["BuildContext"]),
        .library(name: "ContainerImage", targets: ["ContainerImage"]),
        .library(name: "Packages", targets: ["Packages"]),
        .library(name: "Advisories", targets: ["Advisories"]),
        .library(name: "Audit", targets: ["Audit"]),
        .library(name: "Registry", targets: ["Registry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "ByteSearch"),
        // Files, directories, processes, cores, environment, cache directory, dates, trimming: the
        // system pieces every layer needs, written once.
        .target(name: "HostSystem"),
        .target(name: "DockerfileSyntax", dependencies: ["HostSystem", "ByteSearch"]),
        .target(name: "BuildContext", dependencies: ["HostSystem", "DockerfileSyntax"]),
        .target(name: "SecretScanning", dependencies: ["ByteSearch"]),
        // zlib, libzstd, libcrypto and SQLite from the system (Debian: zlib1g-dev, libzstd-dev, libssl-dev, libsqlite3-dev).
        .systemLibrary(name: "CGzip", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CLibcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibssl", providers: [.apt(["libssl-dev"])]),
        // HTTP/1.1 over blocking sockets and OpenSSL: bodies are pulled as they arrive, so a layer
        // download streams into the same pipeline as a file; no networking stack to build.
        .target(name: "HTTPTransfer", dependencies: ["HostSystem", "CLibssl"]),
        // Images where they live: registries (OCI distribution) and the local engine, beside the file
        // transports of ContainerImage, which stay free of networking.
        .target(name: "Registry", dependencies: ["HostSystem", "ContainerImage", "HTTPTransfer"],
                swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
        .target(name: "ContainerImage", dependencies: ["HostSystem", "CGzip", "CZstd", "CLibcrypto"]),
        .target(name: "Packages", dependencies: ["HostSystem", "ByteSearch", "ContainerImage", "CGzip", "CSQLite"]),
        .target(name: "Advisories", dependencies: ["HostSystem", "Packages", "CGzip", "CSQLite"]),
        // Foundation's String methods (`contains`, `range(of:)`) go through CoreFoundation; without
        // this, a dependency's Foundation import makes them win overloads even in files that never
        // import it, and a one-file lint pays CoreFoundation's start-up.
        .target(name: "Checks", dependencies: ["HostSystem", "DockerfileSyntax", "BuildContext", "ContainerImage", "SecretScanning", .product(name: "Yams", package: "Yams")],
                swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
        // The pipeline the CLI and a server share: source → model → audit → findings, no arguments or terminals.
        .target(name: "Audit", dependencies: ["HostSystem", "DockerfileSyntax", "BuildContext", "ContainerImage", "Registry", "Packages", "Advisories", "Checks"],
                swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
        .target(name: "Reports", dependencies: ["Audit", "Checks", "ContainerImage", "Packages", "Advisories"],
                swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
        .executableTarget(
            name: "PlimsollCLI",
            dependencies: [
                "HostSystem", "DockerfileSyntax", "BuildContext", "ContainerImage", "HTTPTransfer", "Registry", "Packages", "Advisories", "Checks", "Audit", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")],
            plugins: ["BuildCommit"]),
        // `plimsoll --version` names the git commit it was built from.
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .testTarget(name: "ByteSearchTests", dependencies: ["ByteSearch"]),
        .testTarget(name: "HostSystemTests", dependencies: ["HostSystem"]),
        .testTarget(name: "DockerfileSyntaxTests", dependencies: ["DockerfileSyntax"]),
        .testTarget(name: "BuildContextTests", dependencies: ["BuildContext"]),
        .testTarget(name: "SecretScanningTests", dependencies: ["SecretScanning"]),
        // Builds test images (tars, layouts, archives); shared by the image and CLI tests.
        .target(name: "ImageFixtures", dependencies: ["CLibcrypto"], path: "Tests/ImageFixtures"),
        .testTarget(name: "ContainerImageTests", dependencies: ["ContainerImage", "ImageFixtures"]),
        .testTarget(name: "PackagesTests", dependencies: ["Packages", "ContainerImage", "ImageFixtures", "CSQLite"]),
        .testTarget(name: "AdvisoriesTests", dependencies: ["Advisories", "Packages", "ImageFixtures"]),
        .testTarget(name: "ChecksTests", dependencies: ["Checks", "HostSystem", "DockerfileSyntax", "ContainerImage", "Packages", "Advisories", "Audit", "Reports"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "HostSystem", "Checks", "Advisories", "Packages", "DockerfileSyntax"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Audit", "Checks", "Packages", "ContainerImage"]),
        .testTarget(name: "PlimsollCLITests", dependencies: ["PlimsollCLI", "Checks", "Reports", "ImageFixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
