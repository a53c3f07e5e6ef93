import Foundation
import ImageFixtures
import Testing

/// The manifests, indexes and configs the tests write are valid OCI documents, checked with
/// Python's jsonschema against the image-spec schemas in ../shared/schemas/oci.
@Suite struct FixtureSchemaTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/schemas/oci")

    /// Validates every JSON document of a layout by its role; prints one line per problem.
    static let validator = #"""
        import json, pathlib, sys
        from jsonschema import Draft4Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT4
        schemas = pathlib.Path(sys.argv[1]); layout = pathlib.Path(sys.argv[2])
        def load(name): return json.loads((schemas / name).read_text())
        # The schemas move their base URI with nested ids; every reference is resolved by file name.
        registry = Registry(retrieve=lambda uri: Resource.from_contents(load(uri.rsplit("/", 1)[-1]), default_specification=DRAFT4))
        def check(schema, document, what):
            for error in Draft4Validator(load(schema), registry=registry).iter_errors(document):
                print(what, list(error.absolute_path), error.message)
        check("image-layout-schema.json", json.loads((layout / "oci-layout").read_text()), "oci-layout")
        index = json.loads((layout / "index.json").read_text())
        check("image-index-schema.json", index, "index.json")
        def blob(digest): return json.loads((layout / "blobs" / "sha256" / digest.split(":")[1]).read_text())
        pending = list(index["manifests"]); seen = 0
        while pending:
            descriptor = pending.pop(); seen += 1
            document = blob(descriptor["digest"])
            if "manifests" in document:
                check("image-index-schema.json", document, descriptor["digest"]); pending += document["manifests"]
            else:
                check("image-manifest-schema.json", document, descriptor["digest"])
                check("config-schema.json", blob(document["config"]["digest"]), document["config"]["digest"])
        print("checked", seen)
        """#

    @Test(.enabled(if: Prerequisite.sharedSchemas, "../shared/schemas is absent"),
          .enabled(if: Prerequisite.python("jsonschema", "referencing"), "python3 jsonschema is not installed (pip install jsonschema)"))
    func fixtureLayoutsAreValidOCIDocuments() throws {
        let directory = TemporaryDirectory()
        try sampleImage().writeOCILayout(to: directory.url.appendingPathComponent("single"), tag: "v1")
        var arm = sampleImage()
        arm.architecture = "arm64"
        try FixtureImage.writeMultiPlatformLayout([(sampleImage(), nil), (arm, "v8")], to: directory.url.appendingPathComponent("multi"))
        // The multi-platform layout has a nested index, two manifests and an attestation manifest.
        for (layout, expected) in [("single", "checked 1\n"), ("multi", "checked 4\n")] {
            let output = try ExternalTool.run(["python3", "-c", Self.validator, Self.schemas.path, directory.url.appendingPathComponent(layout).path],
                                              mergingErrors: true).text
            #expect(output == expected, "\(layout): \(output)")
        }
    }
}
