package io.jenkins.plugins.gitopspromotion.guard;

import java.util.Objects;

/**
 * One thing the audit found in a config repository.
 *
 * @param file the file's path in the repository
 * @param line the 1-based line, or 0 when the finding concerns the whole file
 * @param kind what was found
 * @param severity whether it blocks
 * @param message what is wrong and what to do, for people; it never contains a secret value
 * @param maskedValue the offending value as {@link Masking} shows it, or empty when there is no single value
 *     (drift)
 */
public record Finding(String file, int line, FindingKind kind, Severity severity, String message, String maskedValue) {

    /** Checks the parts are present. */
    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(maskedValue, "maskedValue");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more: " + line);
        }
    }

    /**
     * A finding about a value, which is masked here so that no caller can forget to.
     *
     * @param rawValue the offending value as found; only its masked form is kept
     */
    public static Finding of(String file, int line, FindingKind kind, Severity severity, String message, String rawValue) {
        return new Finding(file, line, kind, severity, message, Masking.mask(rawValue));
    }

    /** This finding with another severity and a reason appended to its message. */
    public Finding withSeverity(Severity newSeverity, String reason) {
        return new Finding(file, line, kind, newSeverity, message + " (" + reason + ")", maskedValue);
    }

    /** {@code file:line}, or the file alone when the line is unknown. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }

    /** One line for people: {@code file:line kind message [masked]}. */
    public String render() {
        return location() + " " + kind.jsonName() + " " + message + (maskedValue.isEmpty() ? "" : " [" + maskedValue + "]");
    }
}
