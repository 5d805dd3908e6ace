package io.jenkins.plugins.gitopspromotion.yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotted path to a value in a YAML document, as Helm users write them: {@code image.tag},
 * {@code images.web.tag}, {@code containers[0].image} or {@code containers.0.image}. A segment made of digits
 * indexes a sequence. On a mapping, {@code .0} is a key; {@code [0]} is not, since it says a list is meant (see
 * {@link #isListIndex(int)}).
 */
public final class YamlPath {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[[0-9]+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)\\]");

    private final String text;
    private final List<String> segments;
    /** The positions of the segments written as {@code [n]}. */
    private final Set<Integer> listIndexes;

    private YamlPath(String text, List<String> segments, Set<Integer> listIndexes) {
        this.text = text;
        this.segments = List.copyOf(segments);
        this.listIndexes = Set.copyOf(listIndexes);
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException naming the path if it is empty or malformed
     */
    public static YamlPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a value path must not be empty (e.g. image.tag)");
        }
        List<String> segments = new ArrayList<>();
        Set<Integer> listIndexes = new HashSet<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches() || part.isBlank() || !part.strip().equals(part)) {
                throw new IllegalArgumentException("value path '" + text
                        + "' is malformed: use keys separated by dots, with [n] or .n for list items (e.g. image.tag)");
            }
            segments.add(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                listIndexes.add(segments.size());
                segments.add(index.group(1));
            }
        }
        return new YamlPath(text, segments, listIndexes);
    }

    /** The keys and indexes, in order. */
    public List<String> segments() {
        return segments;
    }

    /**
     * Whether the segment at {@code position} was written as {@code [n]}: it indexes a list and never names a key
     * of a mapping, where a chart would read no such key.
     */
    public boolean isListIndex(int position) {
        return listIndexes.contains(position);
    }

    /** Whether a segment can index a sequence. */
    public static boolean isIndex(String segment) {
        return segment.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The path as written. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YamlPath p && p.segments.equals(segments) && p.listIndexes.equals(listIndexes);
    }

    @Override
    public int hashCode() {
        return 31 * segments.hashCode() + listIndexes.hashCode();
    }
}
