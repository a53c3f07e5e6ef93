import SecretScanning
import Testing

@Suite struct SecretScannerTests {
    static let alnum36 = "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5"

    @Test(arguments: [
        ("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "aws-access-key-id"),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws-secret-access-key"),
        ("token: ghp_\(alnum36)", "github-token"),
        ("GITLAB=glpat-abcdefghij0123456789", "gitlab-token"),
        ("SLACK=xoxb-123456789012-abcdefghijkl", "slack-token"),
        ("stripe sk_live_abcdefghijklmnopqrstuvwx", "stripe-key"),
        ("key=AIzaSyA1234567890abcdefghijklmnopqrstuv", "google-api-key"),
        ("//registry.npmjs.org/:_authToken=npm_\(alnum36)", "npm-token"),
        ("auth: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----", "private-key"),
        ("{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIE\"}", "gcp-service-account"),
        ("DOCKER_TOKEN=dckr_pat_abcdefghijklmnopqrstuvwxyz0", "docker-hub-token"),
    ])
    func findsEachKind(_ text: String, _ id: String) {
        let matches = SecretScanner.scan(Array(("# config\n" + text + "\n").utf8))
        #expect(matches.map(\.kind.id) == [id])
        #expect(matches.first?.line == 2)
        #expect(matches.allSatisfy { $0.masked.contains("…") || $0.kind.id == "private-key" || $0.kind.id == "gcp-service-account" })
    }

    @Test func masksValues() {
        let match = SecretScanner.scan(Array("AKIAIOSFODNN7EXAMPLE".utf8)).first
        #expect(match?.masked == "AKIA… (20 characters)")
    }

    @Test(arguments: [
        "XAKIAIOSFODNN7EXAMPLE",
        "AKIAIOSFODNN7EXAMPLEMORE",
        "ghp_short",
        "aws_secret_access_key = ${AWS_SECRET}",
        "eyJhbGciOi.notajwt",
        "-----BEGIN CERTIFICATE-----",
        "sk_test_abcdefghijklmnopqrstuvwx",
    ])
    func ignoresLookAlikes(_ text: String) {
        #expect(SecretScanner.scan(Array(text.utf8)).isEmpty)
    }

    @Test func skipsBinaryFiles() {
        #expect(SecretScanner.scan([0, 1, 2] + Array("AKIAIOSFODNN7EXAMPLE".utf8)).isEmpty)
    }

    @Test func sensitiveFileNames() {
        func classify(_ path: String, _ content: String = "") -> String? {
            SensitiveFile.classify(path) { Array(content.utf8) }?.id
        }
        #expect(classify(".env") == "dotenv")
        #expect(classify("config/.env.production") == "dotenv")
        #expect(classify(".env.example") == nil)
        #expect(classify("home/.ssh/id_ed25519") == "ssh-private-key")
        #expect(classify("id_rsa.pub") == nil)
        #expect(classify("keys/ID_RSA") == "ssh-private-key")
        #expect(classify("tls/server.key", "-----BEGIN EC PRIVATE KEY-----") == "private-key-file")
        #expect(classify("tls/server.pem", "-----BEGIN CERTIFICATE-----") == nil)
        #expect(classify(".npmrc", "//r/:_authToken=${NPM_TOKEN}") == "npmrc-token")
        #expect(classify(".npmrc", "save-exact=true") == nil)
        #expect(classify(".docker/config.json", "{\"auths\": {\"r\": {\"auth\": \"dXNlcjpwYXNz\"}}}") == "docker-config-auths")
        #expect(classify(".aws/credentials") == "aws-credentials")
        #expect(classify("infra/terraform.tfstate") == "terraform-state")
        #expect(classify(".git-credentials") == "git-credentials")
        #expect(classify("app/config/credentials.json", "{\"installed\": {\"client_secret\": \"x\"}}") == "credentials-file")
        #expect(classify("opt/tool/credentials", "# none yet") == nil)
        #expect(classify("src/app.js") == nil)
    }

    @Test func largeInputStaysLinear() {
        var bytes = [UInt8](repeating: UInt8(ascii: "A"), count: SecretScanner.byteLimit)
        bytes.replaceSubrange(100..<120, with: Array("AKIAIOSFODNN7EXAMPLE".utf8))
        bytes[99] = 0x20
        bytes[120] = 0x20
        #expect(SecretScanner.scan(bytes).count == 1)
    }
}
