package io.jenkins.plugins.gitopspromotion.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hook's JSON body, read field by field, so that every refusal names the field that is wrong. */
final class ReportJson {

    /** The longest text of a field kept from a body (names, revisions, clusters). */
    private static final int MAX_FIELD = 512;

    private final String what;
    private final JsonNode root;

    private ReportJson(String what, JsonNode root) {
        this.what = what;
        this.root = root;
    }

    /**
     * Parses a body that must be a JSON object.
     *
     * @param what names the report in messages, e.g. {@code a Flux event}
     */
    static ReportJson parse(String what, byte[] body) throws MalformedReportException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedReportException("the body is not JSON: " + what + " is a JSON object");
        } catch (IOException e) {
            throw new MalformedReportException("the body could not be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedReportException("the body is not a JSON object: " + what + " is one");
        }
        return new ReportJson(what, root);
    }

    /** The object under a field, or a missing node. */
    ReportJson object(String field) throws MalformedReportException {
        JsonNode node = root.path(field);
        if (!node.isObject()) {
            throw new MalformedReportException(field + " is missing or not an object in " + what);
        }
        return new ReportJson(what + "'s " + field, node);
    }

    /** A text field that must be there and not empty. */
    String text(String field) throws MalformedReportException {
        return optionalText(field).orElseThrow(() -> new MalformedReportException(field + " is missing or empty in " + what));
    }

    /** A text field that may be absent, null or empty. */
    Optional<String> optionalText(String field) throws MalformedReportException {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new MalformedReportException(field + " is not text in " + what);
        }
        String text = node.asText();
        if (text.length() > MAX_FIELD && !field.equals("message")) {
            throw new MalformedReportException(field + " is longer than " + MAX_FIELD + " characters in " + what);
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** An RFC 3339 time that must be there. */
    Instant time(String field) throws MalformedReportException {
        String text = text(field);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedReportException(field + " is not an RFC 3339 time (such as 2026-11-27T12:00:00Z) in " + what);
        }
    }

    /** An object of text values, empty when absent. */
    Map<String, String> textMap(String field) throws MalformedReportException {
        JsonNode node = root.path(field);
        Map<String, String> values = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new MalformedReportException(field + " is not an object in " + what);
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new MalformedReportException(field + "." + entry.getKey() + " is not text in " + what);
            }
            values.put(entry.getKey(), entry.getValue().asText());
        }
        return values;
    }

    /** A list of text values, empty when absent. */
    List<String> textList(String field) throws MalformedReportException {
        JsonNode node = root.path(field);
        List<String> values = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw new MalformedReportException(field + " is not a list in " + what);
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new MalformedReportException(field + " holds something other than text in " + what);
            }
            values.add(item.asText());
        }
        return values;
    }
}
