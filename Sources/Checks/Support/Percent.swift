import ContainerImage

/// `43.9%`
enum Percent {
    static func format(_ fraction: Double) -> String {
        let tenths = Int((fraction * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
