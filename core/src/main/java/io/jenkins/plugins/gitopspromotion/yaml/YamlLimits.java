package io.jenkins.plugins.gitopspromotion.yaml;

/**
 * Bounds applied to every YAML file before and while it is parsed, so that a hostile or broken file in a
 * config repository (a "billion laughs" alias bomb, pathological nesting, a huge generated file) is refused
 * quickly instead of exhausting memory, stack or time.
 *
 * @param maxBytes largest file accepted, in bytes
 * @param maxAliasesForCollections most aliases to mappings or sequences in one document
 * @param maxDepth deepest nesting of mappings and sequences
 */
public record YamlLimits(int maxBytes, int maxAliasesForCollections, int maxDepth) {

    /** Generous for real manifests (a large CRD is about 1 MiB), small enough to bound the work. */
    public static final YamlLimits DEFAULT = new YamlLimits(8 * 1024 * 1024, 50, 128);

    /** Checks the bounds are usable. */
    public YamlLimits {
        if (maxBytes < 1 || maxAliasesForCollections < 0 || maxDepth < 1) {
            throw new IllegalArgumentException("YAML limits must be positive: " + maxBytes + ", "
                    + maxAliasesForCollections + ", " + maxDepth);
        }
    }
}
