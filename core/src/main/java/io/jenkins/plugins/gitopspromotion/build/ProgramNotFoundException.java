package io.jenkins.plugins.gitopspromotion.build;

import java.io.IOException;

/** A program could not be started: it is not installed, or not on the PATH, or not executable. */
public class ProgramNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param program the program that could not be started
     * @param cause the runner's own error, or null
     */
    public ProgramNotFoundException(String program, Throwable cause) {
        super("cannot start '" + program + "'" + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }
}
