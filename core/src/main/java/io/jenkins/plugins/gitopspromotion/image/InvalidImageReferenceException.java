package io.jenkins.plugins.gitopspromotion.image;

import java.util.Locale;

/**
 * An image reference, name, tag or digest was refused. The message names the offending input and says what is
 * wrong with it, and where useful what a valid one looks like, so a user can fix it without a stack trace.
 *
 * <p>The input is always shown through {@link #quote(String)}: it comes from users and config repositories, and
 * a raw newline or terminal escape in it could otherwise forge a log line.
 */
public final class InvalidImageReferenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Longer inputs are cut so a hostile value cannot flood a log; the longest valid reference (520) fits. */
    private static final int MAX_QUOTED_CHARS = 600;

    /** The refused input, as given. */
    private final String input;
    /** What is wrong with it, as the rest of the message. */
    private final String problem;

    /**
     * Builds the message {@code what 'input' problem}, for example
     * {@code tag 'bad tag;rm' is not a valid image tag: ...}.
     *
     * @param what what the input was meant to be, for example {@code "image reference"} or {@code "tag"}
     * @param input the refused input, as given; it is quoted and escaped in the message
     * @param problem what is wrong, as the rest of the sentence; any user text in it must already be
     *     {@linkplain #quote(String) quoted}
     */
    public InvalidImageReferenceException(String what, String input, String problem) {
        super(what + " " + quote(input) + " " + problem);
        this.input = input;
        this.problem = problem;
    }

    /** The refused input, exactly as given (unescaped, so never log it directly; log the message). */
    public String input() {
        return input;
    }

    /** What is wrong, as the rest of the message after the quoted input. */
    public String problem() {
        return problem;
    }

    /**
     * Quotes user text for a message: single quotes around it, with {@code \} and {@code '} backslash-escaped,
     * {@code \n}, {@code \r}, {@code \t} written as such, other control, format (for example bidi overrides),
     * line-separator and lone surrogate characters written as a backslash, {@code u} and four hex digits, and text
     * beyond 600 characters cut off with a note. The result is a single printable line.
     *
     * @param text the text, or {@code null}
     * @return the quoted text, or the word {@code null} unquoted for {@code null}
     */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        int limit = Math.min(text.length(), MAX_QUOTED_CHARS);
        // Do not cut a surrogate pair in half: that would turn a harmless character into an escaped lone one.
        if (limit < text.length() && Character.isHighSurrogate(text.charAt(limit - 1))) {
            limit--;
        }
        StringBuilder out = new StringBuilder(limit + 16).append('\'');
        int i = 0;
        while (i < limit) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (i + width > limit) {
                width = 1;
                cp = text.charAt(i);
            }
            appendEscaped(out, cp);
            i += width;
        }
        out.append('\'');
        if (limit < text.length()) {
            out.append("... (").append(text.length() - limit).append(" more characters)");
        }
        return out.toString();
    }

    /**
     * Whether a character would not show as itself on one line: a control character (line breaks and tabs included), a
     * format character (bidi overrides), a line or paragraph separator, or a lone surrogate.
     */
    public static boolean isUnprintable(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** The index of the first {@linkplain #isUnprintable(int) unprintable} character of a text, or -1. */
    public static int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (isUnprintable(text.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '\\':
                out.append("\\\\");
                return;
            case '\'':
                out.append("\\'");
                return;
            case '\n':
                out.append("\\n");
                return;
            case '\r':
                out.append("\\r");
                return;
            case '\t':
                out.append("\\t");
                return;
            default:
                break;
        }
        if (isUnprintable(cp)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", cp));
        } else {
            out.appendCodePoint(cp);
        }
    }
}
