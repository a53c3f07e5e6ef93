import Checks
import ContainerImage
import DockerfileSyntax

/// An image rule's example run through the image linter, with its Dockerfile when it has one.
struct ImageExampleRun {
    let report: ImageReport

    init(_ text: String, configuration: Configuration = Configuration()) throws {
        let example = try ImageExample(text)
        report = ImageLinter(configuration: configuration).check(
            reference: "example", image: nil, imageConfiguration: example.imageConfiguration,
            changes: example.layers, dockerfile: example.dockerfile.map { SourceFile(path: "Dockerfile", text: $0) }, imageBase: example.baseImage)
    }
}
