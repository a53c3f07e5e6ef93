import HostSystem
import Advisories
import ArgumentParser
import Audit
import BuildContext
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--db`: where the advisory database lives.
struct DatabaseLocation: ParsableArguments {
    @Option(name: .customLong("db"), help: "The advisory database. Default: $PLIMSOLL_DB, or advisories.sqlite in the cache directory ($PLIMSOLL_CACHE_DIR, else $XDG_CACHE_HOME/plimsoll, else ~/.cache/plimsoll).")
    var path: String?

    var location: AdvisoryLocation { AdvisoryLocation(path) }
}

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the local advisory database (OSV records in SQLite).",
        subcommands: [DatabaseUpdate.self, DatabaseImport.self, DatabaseInfo.self])
}

struct DatabaseImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load OSV records from .json files, directories of them, or OSV's all.zip archives; newer records (by `modified`) replace older ones.")

    @Argument(help: "OSV record files, directories or zip archives.")
    var sources: [String]

    @OptionGroup var database: DatabaseLocation

    func run() throws {
        var records: [any OSVRecordSource] = []
        for source in sources {
            records.append(try OSVSources.read(source))
        }
        let store = try database.location.open(readOnly: false)
        let summary: AdvisoryDatabase.ImportSummary
        do {
            summary = try store.importRecords(from: OSVSourceList(records), updated: DocumentStamp.now())
        } catch {
            throw UsageError(message: error.description)
        }
        ImportNotes.print(summary)
        Output.standard("""
            imported \(summary.imported) new, \(summary.replaced) updated, \(summary.unchanged) unchanged, \
            \(summary.rejected.count) rejected records into \(database.location.path)\n
            """)
    }
}

struct DatabaseUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Download OSV's bulk archives (<mirror>/<Ecosystem>/all.zip) and load them; unchanged archives are not fetched again.",
        discussion: """
            The database is rebuilt in a copy that replaces it only when every archive arrived and \
            imported, so a failed update leaves the old one untouched. Needs curl.
            """)

    @Option(help: "Where the archives are. Default: $PLIMSOLL_DB_MIRROR, or \(AdvisoryUpdate.defaultMirror).")
    var mirror: String?

    @Option(name: .customLong("ecosystem"), help: "An OSV ecosystem to fetch (repeatable). Default: \(AdvisoryUpdate.defaultEcosystems.joined(separator: ", ")).")
    var ecosystems: [String] = []

    @OptionGroup var database: DatabaseLocation

    func run() throws {
        let environment = Environment.value("PLIMSOLL_DB_MIRROR")
        let base = mirror ?? environment ?? AdvisoryUpdate.defaultMirror
        guard base.hasPrefix("https://") || base.hasPrefix("http://") else {
            throw UsageError(message: "--mirror '\(base)' is not an http:// or https:// address")
        }
        let update = AdvisoryUpdate(mirror: base, ecosystems: ecosystems.isEmpty ? AdvisoryUpdate.defaultEcosystems : ecosystems,
                                    progress: isatty(STDERR_FILENO) != 0)
        let path = database.location.prepared()
        do {
            try update.run(database: path, updated: DocumentStamp.now()) { ecosystem, result in
                switch result {
                case .unchanged:
                    Output.standard("\(ecosystem): unchanged since the last update\n")
                case .imported(let summary):
                    ImportNotes.print(summary)
                    Output.standard("\(ecosystem): \(summary.imported) new, \(summary.replaced) updated, \(summary.unchanged) unchanged, \(summary.rejected.count) rejected records\n")
                }
            }
        } catch {
            throw UsageError(message: "update failed, \(path) is unchanged: \(error.description)")
        }
    }
}

struct DatabaseInfo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Record counts per ecosystem and the last update time.")

    @OptionGroup var database: DatabaseLocation

    func run() throws {
        let store = try database.location.open(readOnly: true)
        let info: (ecosystems: [(String, Int)], records: Int, updated: String?)
        do {
            info = try store.info()
        } catch {
            throw UsageError(message: error.description)
        }
        var text = "\(database.location.path): \(info.records) records, last updated \(info.updated ?? "never")\n"
        for (ecosystem, count) in info.ecosystems { text += "  \(ecosystem): \(count)\n" }
        Output.standard(text)
    }
}

/// What an import refused or will not use, on stderr: each refused record, the first ignored parts
/// (a full OSV dump has many), and the ecosystems kept but never matched.
enum ImportNotes {
    static let shownWarnings = 20

    static func print(_ summary: AdvisoryDatabase.ImportSummary) {
        for (record, reason) in summary.rejected { Output.error("plimsoll: warning: \(record): \(reason)\n") }
        for (record, reason) in summary.warnings.prefix(shownWarnings) { Output.error("plimsoll: warning: \(record): \(reason)\n") }
        if summary.warnings.count > shownWarnings {
            Output.error("plimsoll: warning: \(summary.warnings.count - shownWarnings) more ignored range events or types not shown\n")
        }
        for (ecosystem, count) in summary.unorderedEcosystems.sorted(by: { $0.key < $1.key }) {
            Output.error("plimsoll: note: \(count) records of \(ecosystem) are kept but not matched: plimsoll has no version ordering for \(ecosystem)\n")
        }
    }
}
