#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Why a context cannot be walked at all.
public struct ContextError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Walks a context directory the way BuildKit's file sync does: patterns decide what is sent,
/// an excluded directory is skipped unless an exception starts inside it, symlinks are recorded
/// and never followed, and unreadable entries are reported rather than fatal.
public enum ContextWalker {
    public static func walk(_ root: String, matcher: PatternMatcher, ignoreFile: String?) throws(ContextError) -> ContextSnapshot {
        let rootDescriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootDescriptor >= 0 else {
            throw ContextError(message: "cannot read context \(root): \(String(cString: strerror(errno)).lowercased())")
        }
        let rootPath = Array(root.utf8)
        // The top level is read here; its directories are walked in parallel, each by its own Walk.
        var walk = Walk(matcher: matcher, rootPath: rootPath)
        walk.deferred = []
        walk.visit(descriptor: rootDescriptor, path: [], parent: .root)
        let subtrees = walk.deferred ?? []
        var results = [Walk?](repeating: nil, count: subtrees.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: subtrees.count) { index in
                var subtree = Walk(matcher: matcher, rootPath: rootPath)
                subtree.enter(subtrees[index].path, parent: subtrees[index].results)
                slots[index] = subtree
            }
        }
        for case let subtree? in results { walk.merge(subtree) }
        walk.files.sort { $0.path < $1.path }
        walk.directories.sort { $0.path < $1.path }
        walk.problems.sort { $0.path < $1.path }
        return ContextSnapshot(root: root, ignoreFile: ignoreFile, matcher: matcher, files: walk.files,
                               directories: walk.directories, problems: walk.problems, patternUsed: walk.patternUsed)
    }

    private struct Walk {
        let matcher: PatternMatcher
        let rootPath: [UInt8]
        var files: [ContextEntry] = []
        var directories: [ContextEntry] = []
        var problems: [ContextProblem] = []
        var patternUsed: [Bool]
        /// When set, directories found are collected here instead of being entered.
        var deferred: [(path: [UInt8], results: PatternMatcher.ParentResults)]?

        init(matcher: PatternMatcher, rootPath: [UInt8]) {
            self.matcher = matcher
            self.rootPath = rootPath
            self.patternUsed = [Bool](repeating: false, count: matcher.patterns.count)
        }

        static func display(_ path: [UInt8]) -> String { String(decoding: path, as: UTF8.self) }

        mutating func merge(_ other: Walk) {
            files += other.files
            directories += other.directories
            problems += other.problems
            for (index, used) in other.patternUsed.enumerated() where used { patternUsed[index] = true }
        }

        /// Opens the directory at `path` (relative to the root) and walks it.
        mutating func enter(_ path: [UInt8], parent: PatternMatcher.ParentResults) {
            // `openat` is variadic and unavailable in Swift; the full path is resolved instead.
            var fullPath = (rootPath + [UInt8(ascii: "/")] + path).map { CChar(bitPattern: $0) } + [0]
            let opened = open(&fullPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard opened >= 0 else {
                problems.append(ContextProblem(path: Self.display(path), message: "cannot read directory: \(String(cString: strerror(errno)).lowercased())"))
                return
            }
            visit(descriptor: opened, path: path, parent: parent)
        }

        /// Reads one directory (taking ownership of `descriptor`) and everything sent below it.
        /// Depth is bounded by the file system's own path limits; recursion keeps parent results on the stack.
        mutating func visit(descriptor: Int32, path: [UInt8], parent: PatternMatcher.ParentResults) {
            guard let directory = fdopendir(descriptor) else {
                close(descriptor)
                problems.append(ContextProblem(path: Self.display(path), message: "cannot read directory: \(String(cString: strerror(errno)).lowercased())"))
                return
            }
            defer { closedir(directory) }
            var children: [(name: [UInt8], type: UInt8)] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
                if name == [0x2E] || name == [0x2E, 0x2E] { continue }
                children.append((name, entry.pointee.d_type))
            }
            let directoryDescriptor = dirfd(directory)
            for child in children {
                let childPath = path.isEmpty ? child.name : path + [UInt8(ascii: "/")] + child.name
                let results = matcher.evaluate(childPath, parent: parent)
                for (index, matched) in results.matchedPatterns.enumerated() where matched { patternUsed[index] = true }
                var status = stat()
                let statResult = child.name.withUnsafeBufferPointer { buffer -> Int32 in
                    var cName = Array(buffer) + [0]
                    return cName.withUnsafeMutableBufferPointer { fstatat(directoryDescriptor, $0.baseAddress!, &status, AT_SYMLINK_NOFOLLOW) }
                }
                let display = Self.display(childPath)
                guard statResult == 0 else {
                    if !results.excluded {
                        problems.append(ContextProblem(path: display, message: "cannot read: \(String(cString: strerror(errno)).lowercased())"))
                    }
                    continue
                }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    if results.excluded && !matcher.mayReinclude(below: display) { continue }
                    if !results.excluded {
                        directories.append(ContextEntry(path: display, kind: .directory, size: 0, linkTarget: nil))
                    }
                    if deferred != nil {
                        deferred?.append((childPath, results))
                    } else {
                        enter(childPath, parent: results)
                    }
                case S_IFREG:
                    guard !results.excluded else { continue }
                    files.append(ContextEntry(path: display, kind: .file, size: Int64(status.st_size), linkTarget: nil))
                case S_IFLNK:
                    guard !results.excluded else { continue }
                    files.append(ContextEntry(path: display, kind: .symlink, size: 0, linkTarget: readLink(directoryDescriptor, child.name)))
                default:
                    guard !results.excluded else { continue }
                    files.append(ContextEntry(path: display, kind: .other, size: 0, linkTarget: nil))
                }
            }
        }

        func readLink(_ directory: Int32, _ name: [UInt8]) -> String? {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            var cName = name.map { CChar(bitPattern: $0) } + [0]
            let length = readlinkat(directory, &cName, &buffer, buffer.count - 1)
            guard length >= 0 else { return nil }
            return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
