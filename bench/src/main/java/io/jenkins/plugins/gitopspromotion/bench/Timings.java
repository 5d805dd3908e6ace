package io.jenkins.plugins.gitopspromotion.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Wall-clock times of several runs per subject, their medians, and ratios between subjects. */
final class Timings {

    private final Map<String, List<Double>> millis = new LinkedHashMap<>();

    /** Lists subjects in this order (the first call's order stands), whatever order their runs come in. */
    void register(Collection<String> subjects) {
        subjects.forEach(subject -> millis.putIfAbsent(subject, new ArrayList<>()));
    }

    /** Records one run of {@code subject}. */
    void add(String subject, long nanos) {
        millis.computeIfAbsent(subject, s -> new ArrayList<>()).add(nanos / 1e6);
    }

    /** The median of a subject's runs, in milliseconds. */
    double median(String subject) {
        List<Double> runs = new ArrayList<>(millis.get(subject));
        runs.sort(Double::compare);
        int n = runs.size();
        return n % 2 == 1 ? runs.get(n / 2) : (runs.get(n / 2 - 1) + runs.get(n / 2)) / 2;
    }

    /** The subjects in the order first registered or recorded. */
    List<String> subjects() {
        return List.copyOf(millis.keySet());
    }

    /** The runs of a subject, in milliseconds, in order. */
    List<Double> runs(String subject) {
        return List.copyOf(millis.get(subject));
    }

    /** How many times faster {@code subject} is than {@code baseline}, by medians. */
    double speedup(String baseline, String subject) {
        return median(baseline) / median(subject);
    }

    /** A Markdown table: subject, median, min, max, runs. */
    String table() {
        StringBuilder out = new StringBuilder("| subject | median ms | min ms | max ms | runs |\n|---|---:|---:|---:|---:|\n");
        for (String subject : subjects()) {
            List<Double> runs = runs(subject);
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %d |%n", subject, median(subject),
                    runs.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    runs.stream().mapToDouble(Double::doubleValue).max().orElse(0), runs.size()));
        }
        return out.toString();
    }
}
