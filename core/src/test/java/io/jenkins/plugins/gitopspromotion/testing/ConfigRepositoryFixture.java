package io.jenkins.plugins.gitopspromotion.testing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A realistic config repository for engine tests: environments dev (commit), staging (pull-request, requires
 * dev) and prod (branch, requires staging); apps web (kustomize), api (helm-values) and worker (setters).
 */
public final class ConfigRepositoryFixture {

    /** A digest for tests. */
    public static final String DIGEST_A = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    /** Another digest for tests. */
    public static final String DIGEST_B = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    /** The config file. */
    public static final String CONFIG = """
            environments:
              - name: dev
                path: apps/{app}/dev
                mode: commit
              - name: staging
                path: apps/{app}/staging
                mode: pull-request
                requires: dev
              - name: prod
                path: apps/{app}/prod
                mode: branch
                requires: staging
            apps:
              - name: web
                image: ghcr.io/acme/web
              - name: api
                image: ghcr.io/acme/api
                update: helm-values
                file: values.yaml
                digestPath: image.digest
              - name: worker
                image: ghcr.io/acme/worker
                update: setters
                file: worker.yaml
            """;

    private ConfigRepositoryFixture() {
    }

    /** The config with {@code otherNames: [otherName]} for web: its image may move there (a registry move). */
    public static String configWithOtherName(String otherName) {
        return CONFIG.replace("    image: ghcr.io/acme/web\n", "    image: ghcr.io/acme/web\n    otherNames: [" + otherName + "]\n");
    }

    /**
     * The config with {@code deployments: [entry]} on an environment, e.g.
     * {@code withDeployments("dev", "flux: {kustomization: apps, namespace: flux-system}")}.
     */
    public static String withDeployments(String config, String env, String entry) {
        String name = "  - name: " + env + "\n";
        if (!config.contains(name)) {
            throw new IllegalArgumentException("no environment " + env + " in the config");
        }
        return config.replace(name, name + "    deployments:\n      - " + entry + "\n");
    }

    /** Seeds the repository's {@code main} with the config and every app's files in every environment. */
    public static RevCommit seed(Repository bare) throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put(".gitops/promotion.yaml", CONFIG);
        for (String env : new String[] {"dev", "staging", "prod"}) {
            files.put("apps/web/" + env + "/kustomization.yaml", "# web in " + env + "\nresources:\n- ../base\nimages:\n"
                    + "- name: ghcr.io/acme/web\n  newTag: \"1.0.0\"   # keep\n");
            files.put("apps/api/" + env + "/values.yaml", "image:\n  repository: ghcr.io/acme/api\n  tag: 2.0.0\n  digest: \"\"\n");
            files.put("apps/worker/" + env + "/worker.yaml", "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n"
                    + "      - name: w\n        image: ghcr.io/acme/worker:0.9.0 # {\"$imagepolicy\": \"flux-system:worker\"}\n");
        }
        return BareRepos.seed(bare, "main", files, "Config repository");
    }
}
