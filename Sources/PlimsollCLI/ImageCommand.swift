import ArgumentParser
import Audit
import Checks
import DockerfileSyntax
import Reports

struct ImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Analyse a built image: layers, reclaimable bytes, efficiency, caches and leftovers.",
        discussion: """
            REF is docker-archive:FILE[:TAG] (docker save output), oci:DIR[:TAG] (an OCI image layout), \
            oci-archive:FILE[:TAG], a bare path (the kind is detected), or - for an archive on standard input. \
            With --dockerfile, each layer is matched to the instruction that made it and findings point at that line.
            """)

    @ArgumentParser.Argument(help: "The image to read.")
    var reference: String

    @Option(help: "The Dockerfile the image was built from: report findings on its lines.")
    var dockerfile: String?

    @ArgumentParser.Flag(help: "Ask the registry of the image's base (its base.name annotation, or the --dockerfile's FROM) whether it was built on the base's current layers.")
    var online = false

    @OptionGroup var imageOptions: ImageOptions

    @OptionGroup var options: CommonOptions

    func run() throws {
        var settings = try options.values().settings(configurationDirectory: ".")
        if online { settings.audit.baseImageReview = BaseImageReview(registry: try imageOptions.reading.access.values.options()) }
        let source = try dockerfile.map(SourceFile.dockerfile)
        let audit = ImageAudit(settings: settings.audit, reading: try imageOptions.reading.values(noCache: options.noCache), limits: try imageOptions.limits)
        let report = AuditReport(image: try audit.run(reference, dockerfile: source), first: source?.path ?? reference)
        let status = options.values().finish(report, settings: settings)
        if status != 0 { throw ExitCode(status) }
    }
}
