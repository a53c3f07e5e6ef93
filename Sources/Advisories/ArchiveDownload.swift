import HostSystem
import Foundation

/// Fetches one URL to a file with curl, conditionally: the validators from the last fetch go out as
/// `If-None-Match` and `If-Modified-Since`, so an unchanged archive costs one round trip.
/// curl brings HTTPS, proxies (`https_proxy`) and company CA bundles the way users already set them up.
public enum ArchiveDownload {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// What the server said last time, kept to make the next request conditional.
    public struct Validators: Sendable, Equatable {
        public var etag: String?
        public var lastModified: String?

        public init(etag: String? = nil, lastModified: String? = nil) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    public enum Outcome: Sendable, Equatable {
        case notModified
        case downloaded(Validators)
    }

    /// The largest archive accepted; OSV's biggest (`all.zip` of every ecosystem) is far below it.
    public static let sizeLimit = 2 << 30

    /// Downloads `url` into `file` (replaced) unless the server answers 304 to `validators`.
    /// `progress` draws curl's progress bar on standard error.
    public static func fetch(_ url: String, to file: String, validators: Validators, progress: Bool) throws(Failure) -> Outcome {
        let headers = file + ".headers"
        defer { unlink(headers) }
        var arguments = [
            "--location", "--fail", "--show-error", progress ? "--progress-bar" : "--silent",
            // A stalled server fails the update instead of hanging it.
            "--connect-timeout", "30", "--speed-limit", "1024", "--speed-time", "60",
            "--max-filesize", String(sizeLimit), "--proto", "=http,https",
            "--dump-header", headers, "--output", file, "--write-out", "%{http_code}",
        ]
        if let etag = validators.etag { arguments += ["--header", "If-None-Match: \(etag)"] }
        if let lastModified = validators.lastModified { arguments += ["--header", "If-Modified-Since: \(lastModified)"] }
        arguments.append(url)
        let (status, output, errors) = try run(arguments, showingErrors: progress)
        let code = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        guard status == 0 else {
            unlink(file)
            throw Failure(description: "\(url): \(explanation(curlStatus: status, httpCode: code, errors: errors))")
        }
        if code == 304 { return .notModified }
        let received = (try? String(contentsOfFile: headers, encoding: .utf8)) ?? ""
        return .downloaded(Self.validators(in: received))
    }

    /// The ETag and Last-Modified of the final response (after redirects, the last header block).
    static func validators(in headers: String) -> Validators {
        let blocks = headers.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n").filter { !$0.isEmpty }
        var found = Validators()
        for line in (blocks.last ?? "").split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch line[..<colon].lowercased() {
            case "etag": found.etag = value
            case "last-modified": found.lastModified = value
            default: break
            }
        }
        return found
    }

    /// One line that says what went wrong, in the user's terms.
    static func explanation(curlStatus: Int32, httpCode: Int, errors: String) -> String {
        switch curlStatus {
        case 6: return "cannot resolve the host (check --mirror / PLIMSOLL_DB_MIRROR and the network)"
        case 7: return "cannot connect to the server"
        case 18: return "the server closed the connection before the whole archive arrived"
        case 22: return "the server answered HTTP \(httpCode)"
        case 28: return "the transfer timed out or stalled"
        case 63: return "the archive is larger than \(sizeLimit >> 30) GiB"
        case 127: return "curl is needed to download advisories; install it (apt-get install curl)"
        default:
            let message = errors.split(separator: "\n").last.map(String.init) ?? ""
            return message.isEmpty ? "curl failed with status \(curlStatus)" : message
        }
    }

    private static func run(_ arguments: [String], showingErrors: Bool) throws(Failure) -> (Int32, String, String) {
        do {
            // On a terminal curl's progress bar and messages go straight to the user.
            let outcome = try Subprocess.run("curl", arguments, errors: showingErrors ? .inherit : .capture)
            return (outcome.status ?? -1, String(decoding: outcome.output, as: UTF8.self), String(decoding: outcome.errors, as: UTF8.self))
        } catch where error.code == ENOENT {
            return (127, "", "")
        } catch {
            throw Failure(description: error.description)
        }
    }
}
