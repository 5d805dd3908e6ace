package io.jenkins.plugins.gitopspromotion.guard;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.Target;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which environments a file of the config repository belongs to, from the config's targets: a target's own
 * file belongs to its environment, and so does every file under a target folder that belongs to one environment
 * only. A folder shared by several environments (a chart with {@code values-{env}.yaml}) tells nothing about
 * the other files in it, so only the targets' own files are mapped there.
 */
public final class EnvironmentFiles {

    private final Map<String, Set<Environment>> files = new LinkedHashMap<>();
    private final Map<String, Set<Environment>> folders = new LinkedHashMap<>();

    private EnvironmentFiles() {
    }

    /** No file belongs to an environment: the audit of a repository without config. */
    public static EnvironmentFiles none() {
        return new EnvironmentFiles();
    }

    /**
     * The map of a config's targets.
     *
     * @param notes receives a note for every app and environment whose target cannot be worked out
     */
    public static EnvironmentFiles of(PromotionConfig config, List<String> notes) {
        EnvironmentFiles map = new EnvironmentFiles();
        Map<String, Set<Environment>> folders = new LinkedHashMap<>();
        for (App app : config.apps()) {
            for (Environment environment : config.environments()) {
                Target target;
                try {
                    target = config.target(app, environment);
                } catch (ConfigException e) {
                    notes.add(e.getMessage());
                    continue;
                }
                target.filePath().ifPresent(f -> map.files.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(environment));
                folders.computeIfAbsent(target.directory(), k -> new LinkedHashSet<>()).add(environment);
            }
        }
        folders.forEach((folder, environments) -> {
            if (environments.size() == 1) {
                map.folders.put(folder, environments);
            }
        });
        return map;
    }

    /** The environments a file belongs to; empty when it belongs to none the config knows. */
    public Set<Environment> of(String path) {
        Set<Environment> exact = files.get(path);
        if (exact != null) {
            return exact;
        }
        String best = null;
        for (String folder : folders.keySet()) {
            if (path.startsWith(folder + "/") && (best == null || folder.length() > best.length())) {
                best = folder;
            }
        }
        return best == null ? Set.of() : folders.get(best);
    }

    /** Whether any environment of the file pins digests. */
    public boolean pinsDigest(String path) {
        return of(path).stream().anyMatch(Environment::pinDigest);
    }

    /** Whether the file belongs to environments that all allow plaintext Secrets. */
    public boolean allowsPlaintextSecrets(String path) {
        Set<Environment> environments = of(path);
        return !environments.isEmpty() && environments.stream().allMatch(Environment::allowPlaintextSecrets);
    }

    /** The names of the file's environments, for messages. */
    public String names(String path) {
        return String.join(", ", of(path).stream().map(Environment::name).toList());
    }
}
