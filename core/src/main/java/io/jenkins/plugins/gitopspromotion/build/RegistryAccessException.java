package io.jenkins.plugins.gitopspromotion.build;

import java.io.IOException;

/** A registry could not answer what was asked: unreachable, refused the credentials, or has no such tag. */
public class RegistryAccessException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why, so callers need not read the message. */
    public enum Reason {
        /** The registry or its token service refused the credentials (or their absence). */
        UNAUTHORIZED,
        /** The tag or repository does not exist. */
        NOT_FOUND,
        /** Anything else: unreachable, an unexpected answer. */
        FAILED
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message the sentence for the user, naming the registry
     * @param cause the underlying error, or null
     */
    public RegistryAccessException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }
}
