package io.jenkins.plugins.gitopspromotion.guard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a promotion does when cluster credentials are within reach of the process that runs it. */
public enum BoundaryMode {
    /** Refuse the promotion (the default). */
    ENFORCE,
    /** Report the findings and go on. */
    WARN,
    /** Do not check. */
    OFF;

    /** The name used on the command line and in configuration. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode with this option name. */
    public static Optional<BoundaryMode> fromOptionName(String name) {
        return Arrays.stream(values()).filter(m -> m.optionName().equals(name)).findFirst();
    }

    /** All option names, for messages. */
    public static String optionNames() {
        return Arrays.stream(values()).map(BoundaryMode::optionName).collect(Collectors.joining(", "));
    }
}
