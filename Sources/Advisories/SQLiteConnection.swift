import CSQLite

/// A thin, typed layer over the SQLite C API: what the advisory database needs and nothing more.
final class SQLiteConnection {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let handle: OpaquePointer

    init(path: String, readOnly: Bool) throws(Failure) {
        var handle: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let status = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            throw Failure(description: message)
        }
        self.handle = handle
        sqlite3_busy_timeout(handle, 2000)
        plimsoll_sqlite3_defensive(handle)
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws(Failure) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw Failure(description: message)
        }
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    func prepare(_ sql: String) throws(Failure) -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw Failure(description: lastError) }
        return Statement(handle: statement, connection: self)
    }

    /// A prepared statement, reset for each use.
    final class Statement {
        private let handle: OpaquePointer
        private let connection: SQLiteConnection

        init(handle: OpaquePointer, connection: SQLiteConnection) {
            self.handle = handle
            self.connection = connection
        }

        deinit { sqlite3_finalize(handle) }

        /// Binds `values` (String, [UInt8], Int or nil) to the parameters in order.
        func bind(_ values: [Any?]) {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                switch value {
                case let text as String: sqlite3_bind_text(handle, position, text, -1, transient)
                case let bytes as [UInt8]: bytes.withUnsafeBytes { _ = sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), transient) }
                case let number as Int: sqlite3_bind_int64(handle, position, sqlite3_int64(number))
                default: sqlite3_bind_null(handle, position)
                }
            }
        }

        /// Runs the statement; for each result row calls `row` (which reads columns with `text`/`blob`/`integer`).
        func run(_ row: (Statement) -> Void = { _ in }) throws(Failure) {
            while true {
                let status = sqlite3_step(handle)
                if status == SQLITE_DONE { return }
                guard status == SQLITE_ROW else { throw Failure(description: connection.lastError) }
                row(self)
            }
        }

        func text(_ column: Int32) -> String? { sqlite3_column_text(handle, column).map { String(cString: $0) } }
        func integer(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
        func blob(_ column: Int32) -> [UInt8] {
            let length = Int(sqlite3_column_bytes(handle, column))
            guard let pointer = sqlite3_column_blob(handle, column), length > 0 else { return [] }
            return Array(UnsafeRawBufferPointer(start: pointer, count: length))
        }
    }
}
