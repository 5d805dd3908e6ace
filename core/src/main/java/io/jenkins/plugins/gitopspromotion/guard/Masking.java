package io.jenkins.plugins.gitopspromotion.guard;

/**
 * The one way a value found by the audit is shown: at most its first four characters, an ellipsis and its
 * length, e.g. {@code ghp_…(40 chars)}. Never more than a quarter of the value is shown, so that a short
 * password does not appear almost whole ({@code hunter2} becomes {@code h…(7 chars)}, a four-character value
 * shows nothing). Control characters in the shown part are replaced so that a value cannot forge output lines.
 */
public final class Masking {

    /** The most characters ever shown. */
    static final int MAX_SHOWN = 4;

    private Masking() {
    }

    /**
     * The masked form of a value.
     *
     * @param value the value, possibly null or empty
     * @return the masked value; empty for a null or empty value
     */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int length = value.codePointCount(0, value.length());
        int shown = Math.min(MAX_SHOWN, length / 4);
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(shown)
                .forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) || Character.isWhitespace(cp) ? '?' : cp));
        return out.append('…').append('(').append(length).append(length == 1 ? " char)" : " chars)").toString();
    }
}
