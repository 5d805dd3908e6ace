package io.jenkins.plugins.gitopspromotion.config;

import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import java.util.regex.Pattern;

/**
 * The rule for environment and app names. They become parts of Git branch names
 * ({@code gitops-promotion/<env>/<app>}) and of paths, so they are kept to what is safe in both.
 */
final class Names {

    /** Lowercase letters, digits, {@code .}, {@code _}, {@code -}; starts and ends alphanumeric; 1..63 long. */
    static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?");

    static final String RULE = "names are 1 to 63 lowercase letters, digits, '.', '_' or '-', starting and ending"
            + " with a letter or digit";

    private Names() {
    }

    /** Why a name is not allowed, or {@code null} when it is. */
    static String problem(String name) {
        if (!NAME.matcher(name).matches()) {
            return quote(name) + " is not a valid name: " + RULE;
        }
        // Git refuses these in a ref name, and the name becomes part of a branch name.
        if (name.contains("..")) {
            return quote(name) + " is not a valid name: it contains '..', which Git does not allow in branch names";
        }
        if (name.endsWith(".lock")) {
            return quote(name) + " is not a valid name: it ends with '.lock', which Git does not allow in branch names";
        }
        return null;
    }

    static boolean valid(String name) {
        return name != null && problem(name) == null;
    }

    /** User text quoted and escaped for a message, so that it cannot forge log lines. */
    static String quote(String text) {
        return InvalidImageReferenceException.quote(text);
    }
}
