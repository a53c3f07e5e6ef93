import CSQLite

/// rpm's SQLite database, opened from memory (`sqlite3_deserialize`, read-only and in defensive mode).
enum RPMSQLiteDatabase {
    /// Every row's header blob, or nil when SQLite cannot read the bytes as a database.
    static func headerBlobs(_ content: [UInt8]) -> [[UInt8]]? {
        guard content.count >= 100, content.starts(with: Array("SQLite format 3\0".utf8)) else { return nil }
        var database: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &database, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let database else { return nil }
        defer { sqlite3_close(database) }
        plimsoll_sqlite3_defensive(database)
        // SQLite owns (and frees) the copy; a WAL-mode file is read as a rollback-journal one.
        let size = content.count
        guard let copy = sqlite3_malloc64(sqlite3_uint64(size)) else { return nil }
        content.withUnsafeBytes { source in
            if let base = source.baseAddress { copy.copyMemory(from: base, byteCount: size) }
        }
        let bytes = copy.assumingMemoryBound(to: UInt8.self)
        if bytes[18] == 2 { bytes[18] = 1 }
        if bytes[19] == 2 { bytes[19] = 1 }
        let flags = UInt32(SQLITE_DESERIALIZE_READONLY | SQLITE_DESERIALIZE_FREEONCLOSE)
        guard sqlite3_deserialize(database, "main", bytes, sqlite3_int64(size), sqlite3_int64(size), flags) == SQLITE_OK else { return nil }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, "SELECT blob FROM Packages", -1, &statement, nil) == SQLITE_OK, let statement else { return nil }
        defer { sqlite3_finalize(statement) }
        var blobs: [[UInt8]] = []
        while blobs.count < 200_000 {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { return blobs.isEmpty ? nil : blobs }
            let length = Int(sqlite3_column_bytes(statement, 0))
            guard let pointer = sqlite3_column_blob(statement, 0), length > 0 else { continue }
            blobs.append(Array(UnsafeRawBufferPointer(start: pointer, count: length)))
        }
        return blobs
    }
}
