package io.jenkins.plugins.gitopspromotion.guard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What an audit of a config repository (or of the files a promotion is about to commit) found.
 *
 * @param source what was audited, e.g. {@code folder /srv/config} or {@code main at 1a2b3c4d5e}
 * @param configSource the promotion config used ({@code .gitops/promotion.yaml} or how the layout was found), or
 *     empty when there was none and only the checks that need none were run
 * @param findings the findings, blocking first, then by file and line
 * @param notes what could not be checked and why
 */
public record AuditReport(String source, String configSource, List<Finding> findings, List<String> notes) {

    /** The order findings are listed in: blocking first, then by file, line and kind. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::file).thenComparingInt(Finding::line).thenComparing(Finding::kind);

    /** Checks the parts and sorts the findings. */
    public AuditReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(configSource, "configSource");
        findings = findings.stream().sorted(ORDER).toList();
        notes = List.copyOf(notes);
    }

    /** Whether anything found blocks: the audit then exits with the "refused" code. */
    public boolean blocking() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKING);
    }

    /** The findings of one severity, in report order. */
    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /**
     * The report as one indented JSON object: {@code source}, {@code config}, {@code blocking}, {@code counts}
     * ({@code blocking}, {@code warning}), {@code findings} (each {@code file}, {@code line}, {@code kind},
     * {@code severity}, {@code message}, {@code maskedValue}, null when there is none) and {@code notes}.
     */
    public String toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("source", source);
        if (configSource.isEmpty()) {
            root.putNull("config");
        } else {
            root.put("config", configSource);
        }
        root.put("blocking", blocking());
        ObjectNode counts = root.putObject("counts");
        counts.put("blocking", findings(Severity.BLOCKING).size());
        counts.put("warning", findings(Severity.WARNING).size());
        ArrayNode list = root.putArray("findings");
        for (Finding finding : findings) {
            ObjectNode item = list.addObject();
            item.put("file", finding.file());
            item.put("line", finding.line());
            item.put("kind", finding.kind().jsonName());
            item.put("severity", finding.severity().jsonName());
            item.put("message", finding.message());
            if (finding.maskedValue().isEmpty()) {
                item.putNull("maskedValue");
            } else {
                item.put("maskedValue", finding.maskedValue());
            }
        }
        ArrayNode noteList = root.putArray("notes");
        notes.forEach(noteList::add);
        return Json.writeIndented(root, "an audit report");
    }
}
