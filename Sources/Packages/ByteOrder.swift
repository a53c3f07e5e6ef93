extension Array<UInt8> {
    /// The unsigned 16-bit integer at `offset`, in the writer's byte order (little endian unless
    /// told); the caller has checked that `offset + 2 <= count`.
    func unsigned16(at offset: Int, bigEndian: Bool = false) -> Int {
        bigEndian ? Int(self[offset]) << 8 | Int(self[offset + 1]) : Int(self[offset]) | Int(self[offset + 1]) << 8
    }

    /// The unsigned 32-bit integer at `offset`; the caller has checked that `offset + 4 <= count`.
    func unsigned32(at offset: Int, bigEndian: Bool = false) -> Int {
        bigEndian ? unsigned16(at: offset, bigEndian: true) << 16 | unsigned16(at: offset + 2, bigEndian: true)
            : unsigned16(at: offset) | unsigned16(at: offset + 2) << 16
    }
}
