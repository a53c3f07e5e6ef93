import ContainerImage
import HTTPTransfer
import HostSystem

/// Reads an image from the local Docker engine, or podman's Docker API (`podman system service`):
/// `GET /images/get?names=NAME` streams a docker-archive, spooled to an unlinked temporary file
/// and then read like any docker-archive.
public struct EngineImageReader: Sendable {
    /// `DOCKER_HOST`: `unix:///var/run/docker.sock` (the default) or `tcp://host:port`.
    public var host: String
    public var http: HTTPClient

    public init(host: String? = nil, http: HTTPClient) {
        self.host = host ?? Environment.value("DOCKER_HOST") ?? "unix:///var/run/docker.sock"
        self.http = http
    }

    public func read(_ name: String, reference: String, platform: Platform?) throws(ImageError) -> Image {
        let url = try endpoint("/images/get?names=" + PercentEncoding.encode(name))
        let response: HTTPResponse
        do {
            response = try http.send(HTTPRequest(url: url))
        } catch {
            throw .transfer("cannot reach the Docker engine at \(host): \(error.description) (is docker or `podman system service` running? DOCKER_HOST names another)")
        }
        guard response.status == 200 else {
            let message = (try? response.body(limit: 4096, what: "the engine's error")).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if response.status == 404 || message.contains("No such image") || message.contains("not known") {
                throw .transfer("the Docker engine at \(host) has no image \(name)")
            }
            throw .transfer("the Docker engine at \(host) answered \(response.status) for image \(name)")
        }
        let file = try ArchiveSpool.spool(name: "the Docker engine's export of \(name)") { (buffer) throws(ImageError) -> Int in
            do throws(HTTPError) {
                return try response.read(into: buffer)
            } catch {
                throw .transfer("the Docker engine at \(host) stopped sending \(name): \(error.description)")
            }
        }
        var image = try ImageLoader.archive(file, reference: reference, platform: platform)
        image.transport = "docker-daemon"
        return image
    }

    private func endpoint(_ target: String) throws(ImageError) -> HTTPURL {
        if host.hasPrefix("unix://") {
            return HTTPURL(scheme: .unix, host: String(host.dropFirst("unix://".count)), target: target)
        }
        if host.hasPrefix("tcp://") {
            do {
                return try HTTPURL(parsing: "http://" + host.dropFirst("tcp://".count) + target)
            } catch {
                throw .invalidReference("DOCKER_HOST `\(host)` is not tcp://HOST:PORT")
            }
        }
        throw .invalidReference("DOCKER_HOST `\(host)` is neither unix:// nor tcp://")
    }
}
