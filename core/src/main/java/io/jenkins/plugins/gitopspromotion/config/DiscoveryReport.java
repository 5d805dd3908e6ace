package io.jenkins.plugins.gitopspromotion.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ConventionDiscovery} found in a config repository without {@code .gitops/promotion.yaml}: the
 * config it worked out (only when something was found and nothing is ambiguous), what it found, and what it
 * could not decide.
 */
public final class DiscoveryReport {

    private final Optional<PromotionConfig> config;
    private final List<String> findings;
    private final List<String> ambiguities;

    /**
     * @param config the config worked out, or empty
     * @param findings what was found, as sentences
     * @param ambiguities what could not be decided, as sentences
     * @throws IllegalArgumentException if a config is given although something is ambiguous
     */
    public DiscoveryReport(Optional<PromotionConfig> config, List<String> findings, List<String> ambiguities) {
        this.config = Objects.requireNonNull(config, "config");
        this.findings = List.copyOf(findings);
        this.ambiguities = List.copyOf(ambiguities);
        if (config.isPresent() && !this.ambiguities.isEmpty()) {
            throw new IllegalArgumentException("an ambiguous discovery must not give a config");
        }
    }

    /** The config worked out, present only when something was found and nothing is ambiguous. */
    public Optional<PromotionConfig> config() {
        return config;
    }

    /** What was found, as sentences, e.g. {@code kustomize app web in apps/{app}/overlays/{env}: ...}. */
    public List<String> findings() {
        return findings;
    }

    /** What could not be decided, as sentences; each says what to declare in the config file instead. */
    public List<String> ambiguities() {
        return ambiguities;
    }

    /** A readable multi-line report. */
    public String render() {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder("Discovery by convention (no ").append(ConfigLoader.CONFIG_PATH)
                .append("):").append(nl);
        if (findings.isEmpty() && ambiguities.isEmpty()) {
            out.append("  nothing found; looked for ").append(ConventionDiscovery.CONVENTIONS).append(nl);
        }
        if (!findings.isEmpty()) {
            out.append("Found:").append(nl);
            findings.forEach(f -> out.append("  - ").append(f).append(nl));
        }
        if (!ambiguities.isEmpty()) {
            out.append("Ambiguous:").append(nl);
            ambiguities.forEach(a -> out.append("  - ").append(a).append(nl));
        }
        out.append(config.isPresent()
                ? "Using this layout; declare it in " + ConfigLoader.CONFIG_PATH + " to change anything."
                : "No config could be worked out; declare environments and apps in " + ConfigLoader.CONFIG_PATH + ".");
        return out.append(nl).toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
