import DockerfileSyntax

/// The ports an EXPOSE names: `80`, `8080/tcp`, `53/udp`, ranges like `8000-8010`.
enum ExposedPorts {
    struct Port {
        var text: String
        var numbers: ClosedRange<Int>?
    }

    static func ports(_ step: Step) -> [Port] {
        step.expanded.map { text in
            let number = text.split(separator: "/").first.map(String.init) ?? text
            let bounds = number.split(separator: "-").map { Int($0) }
            if bounds.count == 1, let single = bounds[0] { return Port(text: text, numbers: single...single) }
            if bounds.count == 2, let low = bounds[0], let high = bounds[1], low <= high { return Port(text: text, numbers: low...high) }
            return Port(text: text, numbers: nil)
        }
    }
}
