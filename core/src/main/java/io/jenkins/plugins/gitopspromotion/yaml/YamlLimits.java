package io.jenkins.plugins.gitopspromotion.yaml;

/**
 * Bounds applied to every YAML file before and while it is parsed, so that a hostile or broken file in a
 * config repository (a "billion laughs" alias bomb, pathological nesting, a huge generated file) is refused
 * quickly instead of exhausting memory, stack or time.
 *
 * @param maxBytes largest file accepted, in bytes
 * @param maxAliasesForCollections most aliases to mappings or sequences in one document
 * @param maxDepth deepest nesting of mappings and sequences
 * @param maxNodes most nodes (scalars, mappings, sequences, aliases) in a file: what parsing costs, in time and
 *     memory, grows with them (about 1.4 µs and 280 bytes each), so a file within the size limit but made of
 *     millions of tiny nodes is refused rather than held
 */
public record YamlLimits(int maxBytes, int maxAliasesForCollections, int maxDepth, int maxNodes) {

    /**
     * Far more nodes than a large real manifest has (a 1 MiB CRD has a few tens of thousands), few enough that a
     * parse stays well under a second and under 100 MB.
     */
    public static final int DEFAULT_MAX_NODES = 250_000;

    /** Generous for real manifests (a large CRD is about 1 MiB), small enough to bound the work. */
    public static final YamlLimits DEFAULT = new YamlLimits(8 * 1024 * 1024, 50, 128);

    /** Checks the bounds are usable. */
    public YamlLimits {
        if (maxBytes < 1 || maxAliasesForCollections < 0 || maxDepth < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("YAML limits must be positive: " + maxBytes + ", "
                    + maxAliasesForCollections + ", " + maxDepth + ", " + maxNodes);
        }
    }

    /** Limits with the default number of nodes. */
    public YamlLimits(int maxBytes, int maxAliasesForCollections, int maxDepth) {
        this(maxBytes, maxAliasesForCollections, maxDepth, DEFAULT_MAX_NODES);
    }
}
