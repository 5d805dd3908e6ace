package io.jenkins.plugins.gitopspromotion.config;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each app is written in a promotion config file that was parsed and found valid: enough to cut from the
 * same file a config with every environment and one app, whose parse takes a few milliseconds where the whole
 * file of thousands of apps takes a few hundred in a fresh process. The engine keeps it next to its mirrors, by
 * the file's blob id, so that a command-line promotion pays for the whole file once per version of it.
 *
 * <p>Written by hand, not with a serialization library: it is a list of offsets, and reading it must cost
 * less than the parse it saves. Only a block sequence of apps whose every item starts a line with {@code -} is
 * indexed; anything else is parsed whole.
 */
public final class ConfigIndex {

    // 2: an app's other image names are indexed too (an index of format 1 is not read, and the file parsed whole).
    private static final String FORMAT = "gitops-promotion config index 2";

    private final int prefixEnd;
    private final int suffixStart;
    private final List<Entry> entries;

    /**
     * One app's place.
     *
     * @param app its name
     * @param images its image and other names, docker-normalized ({@link ImageReference#normalizedName()})
     * @param from the offset of the line its item starts on
     * @param to the offset where the next item (or what follows the list) starts
     */
    record Entry(String app, List<String> images, int from, int to) {
    }

    private ConfigIndex(int prefixEnd, int suffixStart, List<Entry> entries) {
        this.prefixEnd = prefixEnd;
        this.suffixStart = suffixStart;
        this.entries = List.copyOf(entries);
    }

    /**
     * The index of a valid config, from where its app items start and end in the decoded text.
     *
     * @param text the decoded text
     * @param starts the offset each item's node starts at
     * @param end the offset one past the last item's last scalar
     * @return empty when an item does not start its own line with {@code -}
     */
    static Optional<ConfigIndex> of(String text, List<App> apps, List<Integer> starts, int end) {
        if (apps.isEmpty() || apps.size() != starts.size()) {
            return Optional.empty();
        }
        List<Integer> lineStarts = new ArrayList<>();
        for (int start : starts) {
            int lineStart = text.lastIndexOf('\n', start - 1) + 1;
            if (!text.substring(lineStart, start).strip().equals("-")) {
                return Optional.empty();
            }
            lineStarts.add(lineStart);
        }
        int lineBreak = end > 0 && text.charAt(end - 1) == '\n' ? end - 1 : text.indexOf('\n', end);
        int suffix = lineBreak < 0 ? text.length() : lineBreak + 1;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            entries.add(new Entry(apps.get(i).name(),
                    apps.get(i).names().all().stream().map(ImageReference::normalizedName).toList(), lineStarts.get(i),
                    i + 1 < apps.size() ? lineStarts.get(i + 1) : suffix));
        }
        return Optional.of(new ConfigIndex(lineStarts.get(0), suffix, entries));
    }

    /** The file cut down to every environment and the app of this name, if the index knows it. */
    public Optional<String> onlyApp(String text, String app) {
        return only(text, entries.stream().filter(e -> e.app().equals(app)).toList());
    }

    /** The file cut down to every environment and the one app of this image (by any of its names), if exactly one app has it. */
    public Optional<String> onlyImage(String text, ImageReference image) {
        String wanted = image.normalizedName();
        return only(text, entries.stream().filter(e -> e.images().contains(wanted)).toList());
    }

    private Optional<String> only(String text, List<Entry> found) {
        if (found.size() != 1 || suffixStart > text.length()) {
            return Optional.empty();
        }
        Entry entry = found.get(0);
        return Optional.of(text.substring(0, prefixEnd) + text.substring(entry.from(), entry.to()) + text.substring(suffixStart));
    }

    /** The index as text, for a file next to the mirrors. */
    public String write() {
        StringBuilder out = new StringBuilder(FORMAT).append('\n').append(prefixEnd).append('\t').append(suffixStart).append('\n');
        for (Entry e : entries) {
            out.append(e.app()).append('\t').append(String.join(",", e.images())).append('\t').append(e.from()).append('\t')
                    .append(e.to()).append('\n');
        }
        return out.toString();
    }

    /** An index written by {@link #write()}; empty for anything else (another format, a torn file). */
    public static Optional<ConfigIndex> read(String written) {
        String[] lines = written.split("\n");
        if (lines.length < 3 || !lines[0].equals(FORMAT)) {
            return Optional.empty();
        }
        try {
            String[] bounds = lines[1].split("\t");
            List<Entry> entries = new ArrayList<>();
            for (int i = 2; i < lines.length; i++) {
                String[] f = lines[i].split("\t");
                if (f.length != 4) {
                    return Optional.empty();
                }
                entries.add(new Entry(f[0], List.of(f[1].split(",")), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
            }
            return Optional.of(new ConfigIndex(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]), entries));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
