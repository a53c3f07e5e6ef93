import DockerfileSyntax
import Foundation
let start = Date()
let data = try! [UInt8](Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1])))
print("read", Date().timeIntervalSince(start))
let source = SourceFile(path: "x", bytes: data)
print("source", Date().timeIntervalSince(start))
let file = try! DockerfileParser.parse(source)
print("parse", Date().timeIntervalSince(start))
let graph = BuildGraph(file)
print("graph", Date().timeIntervalSince(start), graph.stages.count)
