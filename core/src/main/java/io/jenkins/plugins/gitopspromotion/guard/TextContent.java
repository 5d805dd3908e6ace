package io.jenkins.plugins.gitopspromotion.guard;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The text of a file for the text checks, and line numbers in it. A file with a NUL byte in its first 8000
 * bytes is binary (Git's own test) and has no text; anything else is read as UTF-8, invalid bytes replaced, so
 * that a key in a Latin-1 file is still found.
 */
final class TextContent {

    private static final int BINARY_PROBE = 8000;

    private final String text;
    private final int[] lineStarts;

    private TextContent(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The text of a file, or empty for a binary file. */
    static Optional<TextContent> of(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
            if (bytes[i] == 0) {
                return Optional.empty();
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return Optional.of(new TextContent(text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    /** The text. */
    String text() {
        return text;
    }

    /** The 1-based line of a {@code char} offset. */
    int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }
}
