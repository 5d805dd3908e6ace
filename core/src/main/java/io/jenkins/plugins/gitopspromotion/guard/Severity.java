package io.jenkins.plugins.gitopspromotion.guard;

import java.util.Locale;

/** How much a {@link Finding} matters: whether it stops a promotion (and fails the audit) or asks for a look. */
public enum Severity {
    /** Must be fixed: the audit exits with the "refused" code, a promotion touching the file is refused. */
    BLOCKING,
    /** To review: reported, but nothing is refused. */
    WARNING;

    /** The name used in JSON and on the command line, e.g. {@code blocking}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
