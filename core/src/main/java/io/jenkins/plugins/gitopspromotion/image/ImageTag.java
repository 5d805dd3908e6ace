package io.jenkins.plugins.gitopspromotion.image;

import java.util.Objects;

/**
 * Validation of image tags: {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}, as in the distribution reference grammar.
 *
 * <p>A tag is a plain string everywhere else in this project; this class only decides whether one is valid. Tags
 * come from users and CI parameters and end up in YAML files and commit messages, so a tag such as
 * {@code bad tag;rm} must be refused before it goes anywhere.
 */
public final class ImageTag {

    /** The longest tag allowed. */
    public static final int MAX_LENGTH = 128;

    /** The rule, for messages. */
    static final String RULE = "a tag is 1 to 128 characters of letters, digits, '_', '.' and '-',"
            + " not starting with '.' or '-'";

    private ImageTag() {}

    /**
     * Returns the tag if it is valid.
     *
     * @param tag the tag, for example {@code 1.25.3} or {@code v2-rc.1}
     * @return {@code tag}
     * @throws InvalidImageReferenceException if it is not a valid tag; the message quotes it and states the rule
     * @throws NullPointerException if {@code tag} is {@code null}
     */
    public static String requireValid(String tag) {
        Objects.requireNonNull(tag, "tag");
        String problem = problem(tag);
        if (problem != null) {
            throw new InvalidImageReferenceException("tag", tag, problem);
        }
        return tag;
    }

    /**
     * Tells whether a tag is valid.
     *
     * @param tag the tag, or {@code null} (not valid)
     * @return whether {@link #requireValid(String)} would accept it
     */
    public static boolean isValid(String tag) {
        return tag != null && problem(tag) == null;
    }

    /**
     * Checks a tag without throwing, so {@link ImageReference} can report the problem against the whole
     * reference.
     *
     * @return {@code null} when valid, otherwise the rest of a sentence starting after the quoted tag
     */
    static String problem(String tag) {
        String detail = detail(tag);
        return detail == null ? null : "is not a valid image tag: " + RULE + " (" + detail + ")";
    }

    private static String detail(String tag) {
        if (tag.isEmpty()) {
            return "it is empty";
        }
        if (tag.length() > MAX_LENGTH) {
            return "it is " + tag.length() + " characters long";
        }
        char first = tag.charAt(0);
        if (first == '.' || first == '-') {
            return "it starts with '" + first + "'";
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!isTagChar(c)) {
                return "it contains " + InvalidImageReferenceException.quote(String.valueOf(c)) + " at index " + i;
            }
        }
        return null;
    }

    /** ASCII only: Go's {@code \w} in the reference grammar is ASCII, unlike a Unicode-aware letter test. */
    private static boolean isTagChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '.'
                || c == '-';
    }
}
