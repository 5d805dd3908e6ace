package io.jenkins.plugins.gitopspromotion.deploy;

/** A hook's body that is not the report its source sends: answered 400, and nothing is recorded. */
public final class MalformedReportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the body, naming the field */
    public MalformedReportException(String message) {
        super(message);
    }
}
