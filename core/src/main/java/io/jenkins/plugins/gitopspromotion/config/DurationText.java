package io.jenkins.plugins.gitopspromotion.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as Flux and Argo CD write them: hours, minutes and seconds, such as {@code 30m}, {@code 2h} or {@code 1h30m}. */
public final class DurationText {

    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,4})h)?(?:(\\d{1,6})m)?(?:(\\d{1,8})s)?");

    private DurationText() {
    }

    /** The duration a text writes, if it writes one longer than zero. */
    public static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        Duration duration = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
        return duration.isZero() ? Optional.empty() : Optional.of(duration);
    }

    /** A duration written as {@link #parse} reads it: {@code 1h30m}, {@code 45m}, {@code 10s}. */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        String text = (seconds >= 3600 ? seconds / 3600 + "h" : "") + (seconds % 3600 >= 60 ? seconds % 3600 / 60 + "m" : "")
                + (seconds % 60 > 0 ? seconds % 60 + "s" : "");
        return text.isEmpty() ? "0s" : text;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
