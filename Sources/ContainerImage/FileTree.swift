/// The filesystem a container sees: every layer applied in order, whiteouts and opaque
/// directories included. Each node remembers which layer entry put it there.
public struct FileTree: Sendable {
    public struct Node: Sendable {
        public var kind: TarEntryKind
        public var size: Int64
        public var mode: UInt32
        public var uid: Int
        public var gid: Int
        public var linkTarget: String?
        /// The layer that wrote this path last.
        public var layer: Int
        /// Its entry in that layer's ``LayerChanges``; nil for a directory only implied by a deeper path.
        public var entry: Int?
        /// Keyed by substrings of the entries' own paths, so building the tree copies no names.
        var children: [Substring: Int32]
    }

    /// A path a layer removed, with the bytes it removed and the layers those bytes were in.
    public struct Removal: Sendable {
        public enum Cause: String, Sendable {
            /// A `.wh.NAME` file.
            case whiteout
            /// A `.wh..wh..opq` marker in the parent directory.
            case opaqueDirectory
            /// A later entry of another type at the same path (a file where a directory was, or the reverse).
            case replaced
            /// A later file at the same path: the old content is hidden, not freed.
            case overwritten
        }

        public var path: String
        public var removedBy: Int
        public var cause: Cause
        public var wasDirectory: Bool
        public var bytesByLayer: [Int: Int64]
        public var bytes: Int64 { bytesByLayer.values.reduce(0, +) }
    }

    /// Whether a layer entry created its path or changed one that a lower layer had.
    public enum ChangeKind: String, Sendable {
        case added
        case modified
    }

    private var nodes: [Node]
    /// What each layer did to the paths below it, by layer index; `removals` includes overwritten files.
    /// The counts include directories a deeper path implies.
    public private(set) var added: [Int] = []
    public private(set) var modified: [Int] = []
    public private(set) var removals: [Removal] = []
    /// Per layer, per entry of its ``LayerChanges``: added or modified. With `removals` this is the layer's change set.
    public private(set) var changeKinds: [[ChangeKind]] = []

    public init() {
        nodes = [Node(kind: .directory, size: 0, mode: 0o755, uid: 0, gid: 0, linkTarget: nil, layer: -1, entry: nil, children: [:])]
    }

    public init(layers: [LayerChanges]) {
        self.init()
        for layer in layers.sorted(by: { $0.index < $1.index }) { apply(layer) }
    }

    /// Deletions first: a whiteout only hides what lower layers wrote, never entries of its own layer.
    public mutating func apply(_ layer: LayerChanges) {
        while added.count <= layer.index {
            added.append(0)
            modified.append(0)
            changeKinds.append([])
        }
        changeKinds[layer.index].reserveCapacity(layer.entries.count)
        for path in layer.whiteouts {
            guard let (parent, name, index) = locate(path) else { continue }
            removals.append(removal(path, by: layer.index, cause: .whiteout, node: index))
            nodes[parent].children[name] = nil
        }
        for directory in layer.opaqueDirectories {
            guard let index = node(at: directory), nodes[index].kind == .directory else { continue }
            for (name, child) in nodes[index].children.sorted(by: { $0.key < $1.key }) {
                removals.append(removal(directory.isEmpty ? String(name) : directory + "/" + name, by: layer.index, cause: .opaqueDirectory,
                                        node: Int(child)))
            }
            nodes[index].children = [:]
        }
        for (position, change) in layer.entries.enumerated() { write(change, entry: position, layer: layer.index) }
    }

    private mutating func write(_ change: FileChange, entry: Int, layer: Int) {
        var current = 0
        let components = ArchivePath.components(change.path)
        for (depth, name) in components.enumerated() {
            // Only a removal needs the path so far as its own string.
            var prefix: String { String(change.path[..<name.endIndex]) }
            let isLast = depth == components.count - 1
            let existing = nodes[current].children[name].map(Int.init)
            if isLast {
                let node = Node(kind: change.kind, size: change.size, mode: change.mode, uid: change.uid, gid: change.gid,
                                linkTarget: change.linkTarget, layer: layer, entry: entry, children: [:])
                changeKinds[layer].append(existing == nil ? .added : .modified)
                if let existing {
                    modified[layer] += 1
                    if nodes[existing].kind != .directory {
                        removals.append(removal(prefix, by: layer, cause: .overwritten, node: existing))
                    }
                    if nodes[existing].kind == .directory, change.kind == .directory {
                        let children = nodes[existing].children
                        nodes[existing] = node
                        nodes[existing].children = children
                        return
                    }
                    if nodes[existing].kind == .directory, !nodes[existing].children.isEmpty {
                        removals.append(removal(prefix, by: layer, cause: .replaced, node: existing))
                    }
                } else {
                    added[layer] += 1
                }
                nodes.append(node)
                nodes[current].children[name] = Int32(nodes.count - 1)
                return
            }
            if let existing, nodes[existing].kind == .directory {
                current = existing
                continue
            }
            // A missing parent is implied; a file where a directory is needed is replaced by one.
            if let existing {
                removals.append(removal(prefix, by: layer, cause: .replaced, node: existing))
                modified[layer] += 1
            } else {
                added[layer] += 1
            }
            nodes.append(Node(kind: .directory, size: 0, mode: 0o755, uid: 0, gid: 0, linkTarget: nil, layer: layer, entry: nil, children: [:]))
            nodes[current].children[name] = Int32(nodes.count - 1)
            current = nodes.count - 1
        }
    }

    private func locate(_ path: String) -> (parent: Int, name: Substring, index: Int)? {
        let parentPath = ArchivePath.parent(path)
        guard let parent = node(at: parentPath) else { return nil }
        let name = path.dropFirst(parentPath.isEmpty ? 0 : parentPath.count + 1)
        guard let index = nodes[parent].children[name] else { return nil }
        return (parent, name, Int(index))
    }

    private func node(at path: String) -> Int? {
        var current = 0
        for component in ArchivePath.components(path) {
            guard let next = nodes[current].children[component] else { return nil }
            current = Int(next)
        }
        return current
    }

    private func removal(_ path: String, by layer: Int, cause: Removal.Cause, node: Int) -> Removal {
        Removal(path: path, removedBy: layer, cause: cause, wasDirectory: nodes[node].kind == .directory,
                bytesByLayer: bytesByLayer(below: node))
    }

    private func bytesByLayer(below index: Int) -> [Int: Int64] {
        var bytes: [Int: Int64] = [:]
        var stack = [index]
        while let current = stack.popLast() {
            let node = nodes[current]
            if node.kind == .regular, node.size > 0 { bytes[node.layer, default: 0] += node.size }
            stack.append(contentsOf: node.children.values.map(Int.init))
        }
        return bytes
    }

    /// The node at `path` (`""` is the root).
    public func lookup(_ path: String) -> Node? { node(at: path).map { nodes[$0] } }

    /// Follows symbolic links the way the container's kernel would inside its root: relative
    /// targets from the link's directory, absolute ones from the image root, `..` stopping at the
    /// root (a hostile `../../../etc/shadow` stays inside the image). Returns the final path and
    /// node, or nil for a dangling link or more than 40 links (a loop), as Linux gives ELOOP.
    public func resolve(_ path: String) -> (path: String, node: Node)? {
        var pending = path.split(separator: "/").map(String.init)
        var resolved: [String] = []
        var hops = 0
        var current = 0
        while !pending.isEmpty {
            let component = pending.removeFirst()
            if component == "." || component.isEmpty { continue }
            if component == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                current = node(at: resolved.joined(separator: "/")) ?? 0
                continue
            }
            guard let next = nodes[current].children[Substring(component)].map(Int.init) else { return nil }
            if nodes[next].kind == .symbolicLink, let target = nodes[next].linkTarget {
                hops += 1
                guard hops <= 40 else { return nil }
                if target.hasPrefix("/") { resolved = [] }
                pending = target.split(separator: "/").map(String.init) + pending
                current = node(at: resolved.joined(separator: "/")) ?? 0
                continue
            }
            resolved.append(component)
            current = next
        }
        return (resolved.joined(separator: "/"), nodes[current])
    }

    /// Every node of the final filesystem, in no particular order and without building paths:
    /// for a file written by a layer entry its path is that entry's path.
    public func forEachNode(_ visit: (Node) -> Void) {
        var stack = [0]
        while let index = stack.popLast() {
            if index != 0 { visit(nodes[index]) }
            for child in nodes[index].children.values { stack.append(Int(child)) }
        }
    }
}

extension FileTree {
    /// The captured content of the final filesystem's file at `path` (links followed inside the image).
    public func capturedContent(_ path: String, in changes: [LayerChanges]) -> [UInt8]? {
        guard let (_, node) = resolve(path), node.kind == .regular, let entry = node.entry, changes.indices.contains(node.layer) else { return nil }
        return changes[node.layer].captured[entry]
    }
}
