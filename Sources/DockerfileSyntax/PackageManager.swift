/// The package managers whose commands plimsoll reads, and where each keeps what it downloads.
public enum PackageManager: String, Sendable, CaseIterable {
    case apt, apk, dnf, zypper, pip, npm, yarn, pnpm, gem, go

    /// The manager a program is: `apt-get` and `apt` are apt; `dnf`, `yum` and `microdnf` are dnf;
    /// `pip`, `pip3` and `pip3.12` are pip.
    public init?(program: String) {
        switch program {
        case "apt-get", "apt": self = .apt
        case "apk": self = .apk
        case "dnf", "yum", "microdnf": self = .dnf
        case "zypper": self = .zypper
        case "npm": self = .npm
        case "yarn": self = .yarn
        case "pnpm": self = .pnpm
        case "gem": self = .gem
        case "go": self = .go
        default:
            guard program == "pip" || program.hasPrefix("pip3") else { return nil }
            self = .pip
        }
    }

    /// Where the manager's package index goes: `apt-get update` writes `/var/lib/apt/lists`.
    public var indexDirectory: String? {
        self == .apt ? "/var/lib/apt/lists" : nil
    }

    /// Where `program` (one of this manager's) keeps downloaded packages and metadata when run as
    /// root; apt's own archive cache is left out because Docker's Debian and Ubuntu images clean it
    /// after every install (`/etc/apt/apt.conf.d/docker-clean`).
    public func cacheDirectory(program: String) -> String? {
        switch self {
        case .apk: "/var/cache/apk"
        case .dnf: program == "dnf" ? "/var/cache/dnf" : "/var/cache/yum"
        case .zypper: "/var/cache/zypp"
        case .pip: "/root/.cache/pip"
        case .yarn: "/usr/local/share/.cache/yarn"
        case .apt, .npm, .pnpm, .gem, .go: nil
        }
    }

    /// The action a subcommand performs; `operands` are the command's non-option arguments, the subcommand first.
    func action(_ operands: [String]) -> PackageAction {
        let verb = operands.first ?? ""
        let second = operands.count > 1 ? operands[1] : ""
        switch self {
        case .apt:
            switch verb {
            case "update": return .refreshIndex
            case "install", "reinstall": return .install
            case "remove", "purge", "autoremove": return .remove
            case "upgrade", "dist-upgrade", "full-upgrade": return .upgrade
            case "clean", "autoclean", "dist-clean": return .clean
            default: return .other
            }
        case .apk:
            switch verb {
            case "update": return .refreshIndex
            case "add": return .install
            case "del": return .remove
            case "upgrade": return .upgrade
            case "cache": return second == "clean" || second == "purge" ? .clean : .other
            default: return .other
            }
        case .dnf:
            switch verb {
            case "makecache": return .refreshIndex
            case "install", "in", "reinstall", "localinstall": return .install
            case "remove", "erase", "autoremove": return .remove
            case "update", "upgrade": return .upgrade
            case "clean": return .clean
            default: return .other
            }
        case .zypper:
            switch verb {
            case "refresh", "ref": return .refreshIndex
            case "install", "in": return .install
            case "remove", "rm": return .remove
            case "update", "up", "dist-upgrade", "dup": return .upgrade
            case "clean", "cc": return .clean
            default: return .other
            }
        case .pip:
            switch verb {
            case "install": return .install
            case "uninstall": return .remove
            case "cache": return second == "purge" || second == "remove" ? .clean : .other
            default: return .other
            }
        case .npm, .pnpm:
            switch verb {
            case "install", "i", "ci", "add": return .install
            case "uninstall", "remove", "rm", "un": return .remove
            case "update", "upgrade", "up": return .upgrade
            case "cache": return second == "clean" ? .clean : .other
            case "store": return second == "prune" ? .clean : .other
            default: return .other
            }
        case .yarn:
            switch verb {
            // A bare `yarn` installs.
            case "", "install", "add", "global": return .install
            case "remove": return .remove
            case "upgrade": return .upgrade
            case "cache": return second == "clean" ? .clean : .other
            default: return .other
            }
        case .gem:
            switch verb {
            case "install": return .install
            case "uninstall": return .remove
            case "update": return .upgrade
            case "cleanup": return .clean
            default: return .other
            }
        case .go:
            switch verb {
            case "install", "get": return .install
            case "clean": return .clean
            default: return .other
            }
        }
    }
}

/// What a package-manager command does.
public enum PackageAction: Sendable, Equatable {
    /// Downloads the package index: `apt-get update`, `apk update`, `dnf makecache`, `zypper refresh`.
    case refreshIndex
    case install
    case remove
    case upgrade
    /// Deletes the manager's caches: `dnf clean all`, `apt-get dist-clean`, `yarn cache clean`.
    case clean
    case other
}
