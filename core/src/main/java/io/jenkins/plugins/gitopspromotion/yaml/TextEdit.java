package io.jenkins.plugins.gitopspromotion.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces the characters {@code [start, end)} of a text with {@code replacement}. An insertion has
 * {@code start == end}; a deletion an empty replacement.
 *
 * @param start first character replaced (a {@code char} index)
 * @param end one past the last character replaced
 * @param replacement the new text
 */
public record TextEdit(int start, int end, String replacement) {

    /** Checks the range is well formed. */
    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
    }

    /** An insertion at {@code offset}. */
    public static TextEdit insert(int offset, String text) {
        return new TextEdit(offset, offset, text);
    }

    /**
     * Applies non-overlapping edits to {@code text}. Every character outside the edited ranges is copied as
     * it was, which is the whole point of editing YAML by splicing rather than by re-serialising a tree.
     *
     * @throws IllegalArgumentException if two edits overlap or one lies outside the text
     */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        for (TextEdit edit : sorted) {
            if (edit.start < copied || edit.end > text.length()) {
                throw new IllegalArgumentException("edits overlap or leave the text: " + sorted);
            }
            out.append(text, copied, edit.start).append(edit.replacement);
            copied = edit.end;
        }
        return out.append(text, copied, text.length()).toString();
    }
}
