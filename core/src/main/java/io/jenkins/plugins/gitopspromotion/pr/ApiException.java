package io.jenkins.plugins.gitopspromotion.pr;

import java.io.IOException;

/**
 * A provider's REST API refused a request or could not be reached. The message says what was tried and what
 * the provider answered, in words a user can act on, and never contains the token.
 */
public class ApiException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status, or 0 when no answer came
     * @param message what was tried and what it means
     */
    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
