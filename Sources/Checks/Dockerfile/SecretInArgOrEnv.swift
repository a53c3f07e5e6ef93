import DockerfileSyntax
import SecretScanning

struct SecretInArgOrEnv: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD046", name: "secret-in-arg-or-env", severity: .error, aliases: ["DS-0031"],
        title: "A secret is set with ARG or ENV",
        why: """
            ENV values are stored in the image config for anyone who pulls it, and ARG values are recorded in \
            the image history of every RUN that follows (`docker history` shows `|1 TOKEN=…`). Pass secrets \
            with `RUN --mount=type=secret,id=…` and the `--secret` build flag, or at run time. Public values \
            such as `GPG_KEY` fingerprints are not flagged (trivy's DS-0031 flags them by name).
            """,
        triggering: ["FROM node:22-slim\nENV NPM_TOKEN=npm_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5\n",
                     "FROM python:3.12-slim\nARG DB_PASSWORD=hunter2\nRUN ./migrate\n"],
        passing: ["FROM node:22-slim\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm echo ok\n", "FROM node:22-slim\nENV PASSWORD_FILE=/run/secrets/db\n",
                  "FROM node:22-slim\nENV API_KEY_HEADER=X-Api-Key\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            for (key, value) in step.assignedVariables {
                guard let masked = SecretAssignment.masked(key: key, value: value) else { continue }
                return context.finding(Self.meta, at: step.instruction.span,
                                       "\(step.instruction.keyword.uppercased()) `\(key)` holds a secret (\(masked)); pass it with `RUN --mount=type=secret` instead")
            }
            return nil
        }
    }
}
