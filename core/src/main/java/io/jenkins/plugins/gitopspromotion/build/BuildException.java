package io.jenkins.plugins.gitopspromotion.build;

import java.util.List;

/**
 * A build or push that did not produce an image in the registry. The message names the builder and (for a
 * push) the registry, and ends with the builder's own last lines of output; it never holds a credential.
 */
public class BuildException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the build failed, so callers (and tests) need not read the message. */
    public enum Reason {
        /** The builder program could not be started. */
        BUILDER_MISSING,
        /** The build itself failed. */
        BUILD_FAILED,
        /** The registry refused the push for lack of (valid) credentials. */
        PUSH_UNAUTHORIZED,
        /** The push failed for another reason. */
        PUSH_FAILED,
        /** The request cannot be built by this builder. */
        INVALID_REQUEST
    }

    private final Reason reason;
    private final transient List<String> lastLines;

    /**
     * @param reason why it failed
     * @param message the sentence for the user, without the output lines
     * @param lastLines the builder's last lines of output, appended to the message
     * @param cause the underlying error, or null
     */
    public BuildException(Reason reason, String message, List<String> lastLines, Throwable cause) {
        super(message + (lastLines.isEmpty() ? "" : "; its last lines of output:\n  " + String.join("\n  ", lastLines)), cause);
        this.reason = reason;
        this.lastLines = List.copyOf(lastLines);
    }

    /**
     * The registry refused a push for lack of (valid) credentials.
     *
     * @param builder the builder's name
     * @param detail what follows the sentence, e.g. the exit code, or empty
     */
    static BuildException pushRefused(String builder, BuildRequest request, String detail, List<String> lastLines) {
        return new BuildException(Reason.PUSH_UNAUTHORIZED, builder + " could not push " + request.image() + ": the registry "
                + request.registry() + " refused " + (request.auth().isNone() ? "an anonymous push (give registry credentials)"
                : "the credentials given") + detail, lastLines, null);
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }

    /** The builder's last lines of output, possibly none. */
    public List<String> lastLines() {
        return lastLines;
    }
}
