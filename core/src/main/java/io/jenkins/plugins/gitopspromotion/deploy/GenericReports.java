package io.jenkins.plugins.gitopspromotion.deploy;

import java.time.Instant;

/**
 * Reads our own small schema, for whatever else deploys: {@code {"env", "app", "revision", "state", "timestamp",
 * "cluster"?, "message"?, "images"?}}, where {@code state} is {@code progressing}, {@code deployed}, {@code healthy},
 * {@code degraded} or {@code failed}, and {@code revision} the config repository's commit. It names its cell itself,
 * so it needs no {@code deployments:} entry.
 */
final class GenericReports {

    private GenericReports() {
    }

    /**
     * The report in a body.
     *
     * @param id the report's id (the body's hash)
     * @throws MalformedReportException if the body is not in the schema
     */
    static DeploymentReport read(byte[] body, String id, Instant receivedAt) throws MalformedReportException {
        ReportJson report = ReportJson.parse("a generic report", body);
        String state = report.text("state");
        Signal signal = Signal.parse(state).orElseThrow(() -> new MalformedReportException(
                "state is not progressing, deployed, healthy, degraded or failed in a generic report"));
        String revision = Revisions.commit(report.text("revision")).orElseThrow(() -> new MalformedReportException(
                "revision is not a commit id (40 hexadecimal digits) in a generic report"));
        return new DeploymentReport(id, ReportSource.GENERIC, null, null, null, report.text("env"), report.text("app"),
                report.optionalText("cluster").orElse(null), revision, signal, report.optionalText("message").orElse(""),
                report.time("timestamp").toString(), receivedAt.toString(), report.textList("images"));
    }
}
