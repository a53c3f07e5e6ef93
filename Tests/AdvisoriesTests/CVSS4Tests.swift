import Advisories
import Foundation
import ImageFixtures
import Testing

/// CVSS v4.0 scores: known vectors, and every score against the CVSS Python library (RedHat's
/// reference implementation of the specification) on random vectors.
@Suite struct CVSS4Tests {
    @Test(arguments: [
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, "critical"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9, "medium"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0, "critical"),
        ("CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:L/SA:N/E:U", 0.1, "low"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0, "none"),
    ])
    func knownScores(_ vector: String, _ score: Double, _ rating: String) throws {
        let cvss = try #require(CVSS4(vector: vector))
        #expect(cvss.baseScore == score && cvss.rating == rating, "\(vector): \(cvss.baseScore)")
    }

    @Test func malformedVectorsAreRejected() {
        for vector in ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N",
                       "CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                       "CVSS:4.0/AV:N/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                       "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ZZ:1", "CVSS:4.0"] {
            #expect(CVSS4(vector: vector) == nil, "\(vector)")
        }
    }

    @Test(.enabled(if: Prerequisite.python("cvss"), "the Python cvss package is not installed (pip install cvss)"))
    func scoresAgreeWithTheReferenceImplementation() throws {
        // Python draws the vectors (base, threat, environmental and supplemental metrics) and scores them.
        let script = """
            import random
            from cvss import CVSS4
            random.seed(20261128)
            base = [("AV", "NALP"), ("AC", "LH"), ("AT", "NP"), ("PR", "NLH"), ("UI", "NPA"), ("VC", "HLN"), ("VI", "HLN"), ("VA", "HLN"),
                    ("SC", "HLN"), ("SI", "HLN"), ("SA", "HLN")]
            optional = [("E", "XAPU"), ("CR", "XHML"), ("IR", "XHML"), ("AR", "XHML"), ("MAV", "XNALP"), ("MAC", "XLH"), ("MAT", "XNP"),
                        ("MPR", "XNLH"), ("MUI", "XNPA"), ("MVC", "XHLN"), ("MVI", "XHLN"), ("MVA", "XHLN"), ("MSC", "XHLN"),
                        ("MSI", "XSHLN"), ("MSA", "XSHLN"), ("AU", "XNY"), ("R", "XAUI")]
            for i in range(4000):
                parts = ["%s:%s" % (k, random.choice(v)) for k, v in base]
                for k, v in optional:
                    if random.random() < (0.15 if i % 2 else 0.5):
                        parts.append("%s:%s" % (k, random.choice(v)))
                vector = "CVSS:4.0/" + "/".join(parts)
                print(vector, CVSS4(vector).base_score)
            """
        let lines = try ExternalTool.run(["python3", "-c", script]).text.split(separator: "\n")
        try #require(lines.count == 4000)
        var disagreements: [String] = []
        for line in lines {
            let fields = line.split(separator: " ")
            guard fields.count == 2, let expected = Double(fields[1]) else { continue }
            let ours: Double? = CVSS4(vector: String(fields[0]))?.baseScore
            if ours != expected {
                let shown = ours.map { "\($0)" } ?? "invalid"
                disagreements.append("\(fields[0]): ours \(shown), reference \(expected)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(lines.count): \(disagreements.prefix(5))")
    }
}
