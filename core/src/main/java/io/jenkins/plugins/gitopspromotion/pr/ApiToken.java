package io.jenkins.plugins.gitopspromotion.pr;

import java.util.Objects;

/**
 * An API token, kept out of every string a person could read: {@link #toString()} is masked, and
 * {@link #redact(String)} removes the token from any text before it is shown (an error body that echoes a
 * request, say).
 */
public final class ApiToken {

    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    /** A token; it must not be empty. */
    public static ApiToken of(char[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length == 0) {
            throw new IllegalArgumentException("the API token is empty");
        }
        return new ApiToken(new String(value));
    }

    /** The token itself, for the one header it goes into. */
    String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the token replaced by {@code ****}. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "****");
    }

    /** Masked. */
    @Override
    public String toString() {
        return "****";
    }
}
