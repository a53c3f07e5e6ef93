#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CVSS v4.0 scores from a vector (`CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N`),
/// as the specification computes them: the vector falls in a MacroVector (six equivalence classes)
/// whose score FIRST publishes, and is interpolated down from it by its distance from that
/// MacroVector's most severe vectors. Threat (`E`) and environmental metrics count when present.
public struct CVSS4: Sendable, Equatable {
    public let baseScore: Double

    public init?(vector: String) {
        let parts = vector.split(separator: "/")
        guard parts.first == "CVSS:4.0" else { return nil }
        var metrics: [String: String] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard pair.count == 2, let allowed = Self.values[pair[0]], allowed.contains(pair[1]), metrics[pair[0]] == nil else { return nil }
            metrics[pair[0]] = pair[1]
        }
        guard Self.mandatory.allSatisfy({ metrics[$0] != nil }) else { return nil }
        baseScore = Self.score(Selection(metrics: metrics))
    }

    /// The metric values in force: a modified (environmental) metric replaces its base metric, and
    /// unset threat and requirement metrics take their worst case.
    struct Selection {
        var metrics: [String: String]

        subscript(_ metric: String) -> String {
            switch (metric, metrics[metric] ?? "X") {
            case ("E", "X"): return "A"
            case ("CR", "X"), ("IR", "X"), ("AR", "X"): return "H"
            case (_, let base):
                if let modified = metrics["M" + metric], modified != "X" { return modified }
                return base
            }
        }
    }

    static let mandatory = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"]

    /// Every metric the specification defines, with its allowed values (supplemental ones do not change the score).
    static let values: [String: Set<String>] = [
        "AV": ["N", "A", "L", "P"], "AC": ["L", "H"], "AT": ["N", "P"], "PR": ["N", "L", "H"], "UI": ["N", "P", "A"],
        "VC": ["H", "L", "N"], "VI": ["H", "L", "N"], "VA": ["H", "L", "N"], "SC": ["H", "L", "N"], "SI": ["H", "L", "N"], "SA": ["H", "L", "N"],
        "E": ["X", "A", "P", "U"], "CR": ["X", "H", "M", "L"], "IR": ["X", "H", "M", "L"], "AR": ["X", "H", "M", "L"],
        "MAV": ["X", "N", "A", "L", "P"], "MAC": ["X", "L", "H"], "MAT": ["X", "N", "P"], "MPR": ["X", "N", "L", "H"], "MUI": ["X", "N", "P", "A"],
        "MVC": ["X", "H", "L", "N"], "MVI": ["X", "H", "L", "N"], "MVA": ["X", "H", "L", "N"],
        "MSC": ["X", "H", "L", "N"], "MSI": ["X", "S", "H", "L", "N"], "MSA": ["X", "S", "H", "L", "N"],
        "S": ["X", "N", "P"], "AU": ["X", "N", "Y"], "R": ["X", "A", "U", "I"], "V": ["X", "D", "C"], "RE": ["X", "L", "M", "H"],
        "U": ["X", "Clear", "Green", "Amber", "Red"],
    ]

    /// How far each value is below the most severe one, in the specification's 0.1 steps.
    static let levels: [String: [String: Double]] = [
        "AV": ["N": 0, "A": 0.1, "L": 0.2, "P": 0.3], "PR": ["N": 0, "L": 0.1, "H": 0.2], "UI": ["N": 0, "P": 0.1, "A": 0.2],
        "AC": ["L": 0, "H": 0.1], "AT": ["N": 0, "P": 0.1],
        "VC": ["H": 0, "L": 0.1, "N": 0.2], "VI": ["H": 0, "L": 0.1, "N": 0.2], "VA": ["H": 0, "L": 0.1, "N": 0.2],
        "SC": ["H": 0.1, "L": 0.2, "N": 0.3], "SI": ["S": 0, "H": 0.1, "L": 0.2, "N": 0.3], "SA": ["S": 0, "H": 0.1, "L": 0.2, "N": 0.3],
        "CR": ["H": 0, "M": 0.1, "L": 0.2], "IR": ["H": 0, "M": 0.1, "L": 0.2], "AR": ["H": 0, "M": 0.1, "L": 0.2],
    ]

    static func score(_ selected: Selection) -> Double {
        if ["VC", "VI", "VA", "SC", "SI", "SA"].allSatisfy({ selected[$0] == "N" }) { return 0 }
        let macro = MacroVector(selected)
        guard let value = macro.score else { return 0 }
        let maxima = macro.mostSevereVectors
        // The first most severe vector that is at least as severe in every metric; failing that, the last.
        var distances: [String: Double] = [:]
        for candidate in maxima {
            distances = Dictionary(uniqueKeysWithValues: levels.map { metric, table in
                (metric, (table[selected[metric]] ?? 0) - (table[candidate[metric] ?? ""] ?? 0))
            })
            if !distances.values.contains(where: { $0 < 0 }) { break }
        }
        func sum(_ metrics: [String]) -> Double { metrics.reduce(0) { $0 + (distances[$1] ?? 0) } }
        let step = 0.1
        let classes: [(lower: Double?, distance: Double, depth: Double)] = [
            (macro.lower(eq1: 1), sum(["AV", "PR", "UI"]), Double(MacroVector.depth.eq1[macro.eq1]) * step),
            (macro.lower(eq2: 1), sum(["AC", "AT"]), Double(MacroVector.depth.eq2[macro.eq2]) * step),
            (macro.lowerEQ3EQ6, sum(["VC", "VI", "VA", "CR", "IR", "AR"]), Double(MacroVector.depth.eq3eq6[macro.eq3][macro.eq6]) * step),
            (macro.lower(eq4: 1), sum(["SC", "SI", "SA"]), Double(MacroVector.depth.eq4[macro.eq4]) * step),
            // EQ5 (exploit maturity) has no distance inside its MacroVector.
            (macro.lower(eq5: 1), 0, 1),
        ]
        var total = 0.0
        var existing = 0
        for entry in classes {
            guard let lower = entry.lower else { continue }
            existing += 1
            total += (value - lower) * entry.distance / entry.depth
        }
        let interpolated = min(10, max(0, value - (existing == 0 ? 0 : total / Double(existing))))
        // Round half up; the epsilon lifts values that land one floating-point step below an x.x5 tie.
        return floor((interpolated + 1e-6) * 10 + 0.5) / 10
    }

    /// `critical` from 9.0, `high` from 7.0, `medium` from 4.0, `low` above 0, else `none` (the same bands as v3).
    public var rating: String { CVSS3.rating(baseScore) }
}

/// The six equivalence classes of a vector and what the specification says about each.
struct MacroVector {
    let eq1: Int, eq2: Int, eq3: Int, eq4: Int, eq5: Int, eq6: Int

    init(_ m: CVSS4.Selection) {
        let av = m["AV"], pr = m["PR"], ui = m["UI"]
        if av == "N" && pr == "N" && ui == "N" {
            eq1 = 0
        } else if (av == "N" || pr == "N" || ui == "N") && av != "P" {
            eq1 = 1
        } else {
            eq1 = 2
        }
        eq2 = m["AC"] == "L" && m["AT"] == "N" ? 0 : 1
        let vc = m["VC"], vi = m["VI"], va = m["VA"]
        eq3 = vc == "H" && vi == "H" ? 0 : (vc == "H" || vi == "H" || va == "H" ? 1 : 2)
        if m["SI"] == "S" || m["SA"] == "S" {
            eq4 = 0
        } else {
            eq4 = m["SC"] == "H" || m["SI"] == "H" || m["SA"] == "H" ? 1 : 2
        }
        eq5 = ["A": 0, "P": 1, "U": 2][m["E"]] ?? 0
        let high = (m["CR"] == "H" && vc == "H") || (m["IR"] == "H" && vi == "H") || (m["AR"] == "H" && va == "H")
        eq6 = high ? 0 : 1
    }

    private init(_ eq1: Int, _ eq2: Int, _ eq3: Int, _ eq4: Int, _ eq5: Int, _ eq6: Int) {
        (self.eq1, self.eq2, self.eq3, self.eq4, self.eq5, self.eq6) = (eq1, eq2, eq3, eq4, eq5, eq6)
    }

    var key: String { "\(eq1)\(eq2)\(eq3)\(eq4)\(eq5)\(eq6)" }
    var score: Double? { Self.table[key] }

    /// The score of the MacroVector one class less severe, when there is one.
    func lower(eq1 d1: Int = 0, eq2 d2: Int = 0, eq4 d4: Int = 0, eq5 d5: Int = 0) -> Double? {
        MacroVector(eq1 + d1, eq2 + d2, eq3, eq4 + d4, eq5 + d5, eq6).score
    }

    /// EQ3 and EQ6 step down together: 00 can go to 01 or 10 (the more severe counts), 01 and 11 to
    /// the next EQ3, 10 to 11, and 21 has nowhere to go.
    var lowerEQ3EQ6: Double? {
        func at(_ three: Int, _ six: Int) -> Double? { MacroVector(eq1, eq2, three, eq4, eq5, six).score }
        switch (eq3, eq6) {
        case (0, 0):
            let left = at(0, 1), right = at(1, 0)
            if let left, let right { return left > right ? left : right }
            return left ?? right
        case (1, 0): return at(1, 1)
        case (_, 1): return at(eq3 + 1, 1)
        default: return nil
        }
    }

    /// The most severe vectors inside this MacroVector: every combination of each class's maxima.
    var mostSevereVectors: [[String: String]] {
        var combined: [[String: String]] = [[:]]
        let parts = [Self.maxima.eq1[eq1], Self.maxima.eq2[eq2], Self.maxima.eq3eq6[eq3]?[eq6] ?? [], Self.maxima.eq4[eq4], Self.maxima.eq5[eq5]]
        for options in parts {
            combined = combined.flatMap { partial in options.map { partial.merging(Self.metrics($0)) { $1 } } }
        }
        return combined
    }

    private static func metrics(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "/") {
            let sides = pair.split(separator: ":")
            if sides.count == 2 { result[String(sides[0])] = String(sides[1]) }
        }
        return result
    }

    static let maxima = (
        eq1: [["AV:N/PR:N/UI:N"], ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"]],
        eq2: [["AC:L/AT:N"], ["AC:H/AT:N", "AC:L/AT:P"]],
        eq3eq6: [
            0: [0: ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"], 1: ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"]],
            1: [0: ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
                1: ["VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                    "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"]],
            2: [1: ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"]],
        ] as [Int: [Int: [String]]],
        eq4: [["SC:H/SI:S/SA:S"], ["SC:H/SI:H/SA:H"], ["SC:L/SI:L/SA:L"]],
        eq5: [["E:A"], ["E:P"], ["E:U"]]
    )

    /// How many 0.1 steps deep each class is (the specification's maximal severity distances).
    static let depth = (eq1: [1, 4, 5], eq2: [1, 2], eq3eq6: [[7, 6], [8, 8], [0, 10]], eq4: [6, 5, 4])

    /// FIRST's MacroVector scores (cvss-v4-calculator, BSD-2-Clause): `eq1 eq2 eq3 eq4 eq5 eq6:score`.
    static let table: [String: Double] = {
        let text = """
        000000:10 000001:9.9 000010:9.8 000011:9.5 000020:9.5 000021:9.2 000100:10 000101:9.6 000110:9.3 000111:8.7 000120:9.1 000121:8.1
        000200:9.3 000201:9 000210:8.9 000211:8 000220:8.1 000221:6.8 001000:9.8 001001:9.5 001010:9.5 001011:9.2 001020:9 001021:8.4
        001100:9.3 001101:9.2 001110:8.9 001111:8.1 001120:8.1 001121:6.5 001200:8.8 001201:8 001210:7.8 001211:7 001220:6.9 001221:4.8
        002001:9.2 002011:8.2 002021:7.2 002101:7.9 002111:6.9 002121:5 002201:6.9 002211:5.5 002221:2.7 010000:9.9 010001:9.7 010010:9.5
        010011:9.2 010020:9.2 010021:8.5 010100:9.5 010101:9.1 010110:9 010111:8.3 010120:8.4 010121:7.1 010200:9.2 010201:8.1 010210:8.2
        010211:7.1 010220:7.2 010221:5.3 011000:9.5 011001:9.3 011010:9.2 011011:8.5 011020:8.5 011021:7.3 011100:9.2 011101:8.2 011110:8
        011111:7.2 011120:7 011121:5.9 011200:8.4 011201:7 011210:7.1 011211:5.2 011220:5 011221:3 012001:8.6 012011:7.5 012021:5.2
        012101:7.1 012111:5.2 012121:2.9 012201:6.3 012211:2.9 012221:1.7 100000:9.8 100001:9.5 100010:9.4 100011:8.7 100020:9.1 100021:8.1
        100100:9.4 100101:8.9 100110:8.6 100111:7.4 100120:7.7 100121:6.4 100200:8.7 100201:7.5 100210:7.4 100211:6.3 100220:6.3 100221:4.9
        101000:9.4 101001:8.9 101010:8.8 101011:7.7 101020:7.6 101021:6.7 101100:8.6 101101:7.6 101110:7.4 101111:5.8 101120:5.9 101121:5
        101200:7.2 101201:5.7 101210:5.7 101211:5.2 101220:5.2 101221:2.5 102001:8.3 102011:7 102021:5.4 102101:6.5 102111:5.8 102121:2.6
        102201:5.3 102211:2.1 102221:1.3 110000:9.5 110001:9 110010:8.8 110011:7.6 110020:7.6 110021:7 110100:9 110101:7.7 110110:7.5
        110111:6.2 110120:6.1 110121:5.3 110200:7.7 110201:6.6 110210:6.8 110211:5.9 110220:5.2 110221:3 111000:8.9 111001:7.8 111010:7.6
        111011:6.7 111020:6.2 111021:5.8 111100:7.4 111101:5.9 111110:5.7 111111:5.7 111120:4.7 111121:2.3 111200:6.1 111201:5.2 111210:5.7
        111211:2.9 111220:2.4 111221:1.6 112001:7.1 112011:5.9 112021:3 112101:5.8 112111:2.6 112121:1.5 112201:2.3 112211:1.3 112221:0.6
        200000:9.3 200001:8.7 200010:8.6 200011:7.2 200020:7.5 200021:5.8 200100:8.6 200101:7.4 200110:7.4 200111:6.1 200120:5.6 200121:3.4
        200200:7 200201:5.4 200210:5.2 200211:4 200220:4 200221:2.2 201000:8.5 201001:7.5 201010:7.4 201011:5.5 201020:6.2 201021:5.1
        201100:7.2 201101:5.7 201110:5.5 201111:4.1 201120:4.6 201121:1.9 201200:5.3 201201:3.6 201210:3.4 201211:1.9 201220:1.9 201221:0.8
        202001:6.4 202011:5.1 202021:2 202101:4.7 202111:2.1 202121:1.1 202201:2.4 202211:0.9 202221:0.4 210000:8.8 210001:7.5 210010:7.3
        210011:5.3 210020:6 210021:5 210100:7.3 210101:5.5 210110:5.9 210111:4 210120:4.1 210121:2 210200:5.4 210201:4.3 210210:4.5
        210211:2.2 210220:2 210221:1.1 211000:7.5 211001:5.5 211010:5.8 211011:4.5 211020:4 211021:2.1 211100:6.1 211101:5.1 211110:4.8
        211111:1.8 211120:2 211121:0.9 211200:4.6 211201:1.8 211210:1.7 211211:0.7 211220:0.8 211221:0.2 212001:5.3 212011:2.4 212021:1.4
        212101:2.4 212111:1.2 212121:0.5 212201:1 212211:0.3 212221:0.1
        """
        var table: [String: Double] = [:]
        for entry in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let sides = entry.split(separator: ":")
            if sides.count == 2, let score = Double(sides[1]) { table[String(sides[0])] = score }
        }
        return table
    }()
}
