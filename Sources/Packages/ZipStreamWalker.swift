/// Walks a zip archive's members as its bytes stream past, from local header to local header: the
/// central directory at the end of a zip comes too late for a reader that sees the file once. A
/// member's end is its recorded size, or, when the header leaves it open (a data descriptor
/// follows, as `jar` writes), the end of its deflate stream. A stored member of unknown size ends
/// the walk, as do the central directory and anything that is not a zip.
final class ZipStreamWalker {
    /// What to do with a member's content.
    enum Action {
        case skip
        /// Hand the inflated content over whole when the member ends (small files only).
        case collect
        /// Stream the inflated content into another walker: an archive inside the archive.
        case descend(ZipStreamWalker)
    }

    struct Member {
        var name: String
        var method: Int
        var usesDescriptor: Bool
        var zip64: Bool
    }

    /// Decides per member, and receives collected contents.
    weak var delegate: (any ZipStreamDelegate)?
    static let collectLimit = 1 << 20

    /// Inflated bytes a walk (with the walks of the archives inside it) may produce: a zip bomb
    /// stops the walk instead of burning time on gigabytes of zeros.
    final class InflationBudget {
        let limit: Int
        private var remaining: Int
        private(set) var exhausted = false

        init(_ limit: Int) {
            self.limit = limit
            remaining = limit
        }

        /// False once the budget is spent.
        func spend(_ count: Int) -> Bool {
            remaining -= count
            if remaining < 0 { exhausted = true }
            return !exhausted
        }
    }

    let budget: InflationBudget

    private enum State {
        case header
        case names(nameLength: Int, extraLength: Int, Member, compressedSize: Int)
        case data
        case descriptor
        case finished
    }

    private var state = State.header
    private var pending: [UInt8] = []
    private var member: Member?
    private var action = Action.skip
    /// Compressed bytes of the current member still to come; nil when only its deflate stream knows.
    private var remaining: Int?
    private var inflater: RawInflater?
    private var collected: [UInt8] = []
    /// Members whose headers were read: none means the file was no zip at all.
    private(set) var memberCount = 0

    init(delegate: (any ZipStreamDelegate)? = nil, budget: InflationBudget) {
        self.delegate = delegate
        self.budget = budget
    }

    var isFinished: Bool {
        if case .finished = state { return true }
        return false
    }

    func feed(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count, !isFinished {
            switch state {
            case .header:
                guard fill(30, from: bytes, at: &offset) else { return }
                beginHeader()
            case .names(let nameLength, let extraLength, let partial, let compressedSize):
                guard fill(nameLength + extraLength, from: bytes, at: &offset) else { return }
                beginMember(partial, nameLength: nameLength, compressedSize: compressedSize)
            case .data:
                offset += consumeData(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            case .descriptor:
                guard fill(4, from: bytes, at: &offset) else { return }
                // The descriptor's signature is optional: without it these 4 bytes were the CRC.
                let signed = pending.unsigned32(at: 0) == 0x0807_4B50
                let rest = (member?.zip64 == true ? 16 : 8) + (signed ? 4 : 0)
                pending.removeAll(keepingCapacity: true)
                state = .data
                remaining = rest
                action = .skip
                inflater = nil
                member = nil
            case .finished:
                return
            }
        }
    }

    /// The stream is over: a member cut short still hands over what it has.
    func finish() {
        if case .data = state, member != nil { endMember() }
        if case .descend(let child) = action { child.finish() }
        state = .finished
    }

    /// Moves bytes into `pending` until it holds `count`; false when the input ran out first.
    private func fill(_ count: Int, from bytes: UnsafeRawBufferPointer, at offset: inout Int) -> Bool {
        let take = min(count - pending.count, bytes.count - offset)
        if take > 0 {
            pending += UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)])
            offset += take
        }
        return pending.count == count
    }

    private func beginHeader() {
        guard pending.unsigned32(at: 0) == 0x0403_4B50 else {
            // The central directory (or anything else): no more members.
            state = .finished
            return
        }
        let flags = pending.unsigned16(at: 6)
        let partial = Member(name: "", method: pending.unsigned16(at: 8), usesDescriptor: flags & 8 != 0, zip64: false)
        let compressedSize = pending.unsigned32(at: 18)
        state = .names(nameLength: pending.unsigned16(at: 26), extraLength: pending.unsigned16(at: 28), partial, compressedSize: compressedSize)
        pending.removeAll(keepingCapacity: true)
    }

    private func beginMember(_ partial: Member, nameLength: Int, compressedSize: Int) {
        var member = partial
        member.name = String(decoding: pending[..<nameLength], as: UTF8.self)
        var size: Int? = compressedSize
        if compressedSize == 0xFFFF_FFFF, let zip64 = Self.zip64CompressedSize(extra: pending[nameLength...]) {
            size = zip64
            member.zip64 = true
        }
        pending.removeAll(keepingCapacity: true)
        memberCount += 1
        if member.usesDescriptor && size == 0 { size = nil }
        guard size != nil || member.method == 8 else {
            // A stored member of unknown length: its end cannot be found without the directory.
            state = .finished
            return
        }
        action = member.name.hasSuffix("/") ? .skip : (delegate?.action(for: member.name) ?? .skip)
        collected.removeAll(keepingCapacity: true)
        let needsOutput: Bool
        if case .skip = action { needsOutput = false } else { needsOutput = true }
        inflater = nil
        if member.method == 8, needsOutput || size == nil {
            guard let created = try? RawInflater() else {
                state = .finished
                return
            }
            inflater = created
        } else if member.method != 0, needsOutput {
            // Another compression method: its content is unreadable here, but its size lets the walk go on.
            action = .skip
        }
        remaining = size
        self.member = member
        state = .data
    }

    /// The ZIP64 extended-information extra field (0x0001): the uncompressed size, then the compressed one.
    private static func zip64CompressedSize(extra: ArraySlice<UInt8>) -> Int? {
        let bytes = Array(extra)
        var at = 0
        while at + 4 <= bytes.count {
            let id = bytes.unsigned16(at: at)
            let length = bytes.unsigned16(at: at + 2)
            if id == 1, length >= 16, at + 4 + 16 <= bytes.count { return bytes.unsigned32(at: at + 12) | bytes.unsigned32(at: at + 16) << 32 }
            at += 4 + length
        }
        return nil
    }

    /// Takes what belongs to the current member (or the descriptor being skipped); returns bytes used.
    private func consumeData(_ bytes: UnsafeRawBufferPointer) -> Int {
        let available = remaining.map { min($0, bytes.count) } ?? bytes.count
        let piece = UnsafeRawBufferPointer(rebasing: bytes[..<available])
        var used = available
        if let inflater {
            let before = inflater.produced
            do {
                used = try inflater.inflate(piece) { deliver($0) }
            } catch {
                state = .finished
                return available
            }
            guard budget.spend(inflater.produced - before) else {
                state = .finished
                return available
            }
            if inflater.ended, remaining == nil {
                remaining = 0
            } else if inflater.ended, let left = remaining {
                // The stream ended inside its recorded size: what follows is padding; skip it.
                used = available
                remaining = left - available
                self.inflater = nil
            } else if let left = remaining {
                remaining = left - used
            }
        } else {
            // Stored content is the content; a deflated member whose stream already ended has only padding left.
            if member?.method == 0 { deliver(piece) }
            remaining = remaining.map { $0 - available }
        }
        if remaining == 0 {
            if member != nil { endMember() } else { state = .header }
        }
        return used
    }

    private func deliver(_ bytes: UnsafeRawBufferPointer) {
        switch action {
        case .skip: break
        case .collect: if collected.count + bytes.count <= Self.collectLimit { collected += bytes }
        case .descend(let child): child.feed(bytes)
        }
    }

    private func endMember() {
        guard let member else { return }
        switch action {
        case .skip: break
        case .collect: delegate?.collected(member.name, collected)
        case .descend(let child): child.finish()
        }
        inflater = nil
        action = .skip
        if member.usesDescriptor {
            state = .descriptor
        } else {
            self.member = nil
            state = .header
        }
    }
}

/// Chooses what a `ZipStreamWalker` does with each member and receives what it collects.
protocol ZipStreamDelegate: AnyObject {
    func action(for name: String) -> ZipStreamWalker.Action
    func collected(_ name: String, _ content: [UInt8])
}
