package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A config repository of any size, for benchmarks, load tests and the view's browser tests: {@code apps} Kustomize
 * apps, each with a base ({@code kustomization.yaml}, {@code deployment.yaml}) and one overlay per environment,
 * listed in {@code .gitops/promotion.yaml}; optionally followed by a history of promotion commits.
 *
 * <p>Written straight into the object database (no working tree), so 4,000 apps take seconds, not minutes.
 */
public final class SyntheticConfigRepository {

    /** The environments, in promotion order, unless others are given. */
    public static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");

    private final int apps;
    private final List<String> environments;

    private SyntheticConfigRepository(int apps, List<String> environments) {
        if (apps < 1 || apps > 99_999) {
            throw new IllegalArgumentException("apps must be 1..99999, not " + apps);
        }
        this.apps = apps;
        this.environments = List.copyOf(environments);
    }

    /** A repository of {@code apps} apps in dev, staging and prod. */
    public static SyntheticConfigRepository of(int apps) {
        return new SyntheticConfigRepository(apps, ENVIRONMENTS);
    }

    /** A repository of {@code apps} apps in the given environments (promotion order). */
    public static SyntheticConfigRepository of(int apps, List<String> environments) {
        return new SyntheticConfigRepository(apps, environments);
    }

    /** The name of app {@code index} (0-based): {@code app-0000}, {@code app-0001}, … */
    public static String appName(int index) {
        return String.format("app-%04d", index);
    }

    /** The image of an app. */
    public static String image(String app) {
        return "ghcr.io/acme/" + app;
    }

    /** The path of an app's overlay file in an environment. */
    public static String overlay(String app, String env) {
        return "apps/" + app + "/overlays/" + env + "/kustomization.yaml";
    }

    /** How many files {@link #seed} writes. */
    public int fileCount() {
        return 1 + apps * (2 + environments.size());
    }

    /**
     * Seeds {@code main} with the config and every app's files in one commit. Environment {@code i} runs
     * {@code 1.0.(n-1-i)}, so that each environment is one version behind the one before it.
     */
    public RevCommit seed(Repository bare) throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put(".gitops/promotion.yaml", config());
        for (int i = 0; i < apps; i++) {
            String app = appName(i);
            files.put("apps/" + app + "/base/kustomization.yaml", "resources:\n- deployment.yaml\n");
            files.put("apps/" + app + "/base/deployment.yaml", deployment(app));
            for (int e = 0; e < environments.size(); e++) {
                String env = environments.get(e);
                files.put(overlay(app, env), overlayFile(app, env, "1.0." + (environments.size() - 1 - e)));
            }
        }
        return BareRepos.seed(bare, "main", files, "Config repository of " + apps + " apps");
    }

    /**
     * Adds {@code commits} promotion commits, each moving one random app in one random environment to a new
     * patch version (seeded, so repeatable).
     *
     * @return the last commit
     */
    public RevCommit history(Repository bare, int commits, long seed) throws IOException {
        Random random = new Random(seed);
        RevCommit last = null;
        for (int c = 0; c < commits; c++) {
            String app = appName(random.nextInt(apps));
            String env = environments.get(random.nextInt(environments.size()));
            String tag = "1." + (c / 100 + 1) + "." + (c % 100);
            last = BareRepos.commitFile(bare, "main", overlay(app, env), overlayFile(app, env, tag),
                    "Promote " + app + " to " + tag + " in " + env + "\n\nPromoted-Image: " + image(app) + ":" + tag + "\n");
        }
        return last;
    }

    /** The overlay of an app in an environment at a tag, as {@link #seed} writes it. */
    public static String overlayFile(String app, String env, String tag) {
        return "# " + app + " in " + env + "\n"
                + "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                + "kind: Kustomization\n"
                + "resources:\n"
                + "- ../../base\n"
                + "images:\n"
                + "- name: " + image(app) + "\n"
                + "  newTag: \"" + tag + "\"\n";
    }

    private String config() {
        StringBuilder config = new StringBuilder("environments:\n");
        String previous = null;
        for (String env : environments) {
            config.append("  - name: ").append(env).append('\n')
                    .append("    path: apps/{app}/overlays/").append(env).append('\n')
                    .append("    mode: commit\n");
            if (previous != null) {
                config.append("    requires: ").append(previous).append('\n');
            }
            previous = env;
        }
        config.append("apps:\n");
        for (int i = 0; i < apps; i++) {
            String app = appName(i);
            config.append("  - name: ").append(app).append('\n')
                    .append("    image: ").append(image(app)).append('\n');
        }
        return config.toString();
    }

    private static String deployment(String app) {
        return "apiVersion: apps/v1\n"
                + "kind: Deployment\n"
                + "metadata:\n"
                + "  name: " + app + "\n"
                + "spec:\n"
                + "  replicas: 2\n"
                + "  selector:\n"
                + "    matchLabels:\n"
                + "      app: " + app + "\n"
                + "  template:\n"
                + "    metadata:\n"
                + "      labels:\n"
                + "        app: " + app + "\n"
                + "    spec:\n"
                + "      containers:\n"
                + "      - name: " + app + "\n"
                + "        image: " + image(app) + "\n"
                + "        ports:\n"
                + "        - containerPort: 8080\n";
    }
}
