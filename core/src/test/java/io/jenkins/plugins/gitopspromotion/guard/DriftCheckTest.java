package io.jenkins.plugins.gitopspromotion.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.DirectoryRepoTree;
import io.jenkins.plugins.gitopspromotion.config.TestFiles;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCheckTest {

    @TempDir
    Path repo;

    private final List<String> notes = new ArrayList<>();

    private List<Finding> check() throws Exception {
        DirectoryRepoTree tree = new DirectoryRepoTree(repo);
        return new DriftCheck(YamlLimits.DEFAULT).check(tree, ConfigLoader.load(tree), notes);
    }

    private static String deployment(String env, String image, int replicas, String sidecarTag, String memory) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: shop-%s
                spec:
                  replicas: %d
                  template:
                    spec:
                      containers:
                        - name: api
                          image: %s # {"$imagepolicy": "flux-system:api"}
                          resources:
                            limits:
                              memory: %s
                        - name: proxy
                          image: envoyproxy/envoy:%s
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  ports:
                    - port: 80
                """.formatted(env, replicas, image, memory, sidecarTag);
    }

    @Test
    void manifestsThatDifferOnlyInImageVersionsReplicasAndTheEnvironmentsNameDoNotDrift() throws Exception {
        TestFiles.write(repo, ".gitops/promotion.yaml", """
                environments:
                  - name: dev
                    path: clusters/dev/api
                  - name: prod
                    path: clusters/prod/api
                apps:
                  - name: api
                    image: ghcr.io/acme/api
                    update: setters
                """);
        TestFiles.write(repo, "clusters/dev/api/deployment.yaml",
                deployment("dev", "ghcr.io/acme/api:2.1.0", 1, "v1.30.1", "256Mi"));
        TestFiles.write(repo, "clusters/prod/api/deployment.yaml",
                deployment("prod", "ghcr.io/acme/api:2.0.0@sha256:" + "ef".repeat(32), 4, "v1.29.0", "256Mi"));
        assertThat(check()).isEmpty();
        assertThat(notes).isEmpty();

        TestFiles.write(repo, "clusters/prod/api/deployment.yaml",
                deployment("prod", "ghcr.io/acme/api:2.0.0", 4, "v1.29.0", "1Gi"));
        List<Finding> findings = check();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("clusters/prod/api/deployment.yaml");
            assertThat(f.line()).isEqualTo(15);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("differs from clusters/dev/api/deployment.yaml (dev) in more than the image"
                    + " version: document[1].spec.template.spec.containers[0].resources.limits.memory;")
                    .doesNotContain("1Gi").doesNotContain("256Mi");
        });
    }

    @Test
    void helmValuesOfEachEnvironmentCorrespondWhateverTheirNames() throws Exception {
        TestFiles.write(repo, ".gitops/promotion.yaml", """
                environments:
                  - name: staging
                  - name: prod
                apps:
                  - name: api
                    image: ghcr.io/acme/api
                    update: helm-values
                    path: charts/api
                    file: values-{env}.yaml
                    digestPath: image.digest
                """);
        TestFiles.write(repo, "charts/api/values.yaml", "image:\n  repository: ghcr.io/acme/api\n");
        TestFiles.write(repo, "charts/api/values-staging.yaml", """
                image:
                  repository: ghcr.io/acme/api
                  tag: 2.1.0
                  digest: ""
                ingress:
                  host: api.staging.example.com
                  tls: true
                """);
        TestFiles.write(repo, "charts/api/values-prod.yaml", """
                image:
                  repository: ghcr.io/acme/api
                  tag: 2.0.0
                  digest: sha256:%s
                ingress:
                  host: api.example.com
                  tls: false
                extraArgs: [--verbose]
                """.formatted("01".repeat(32)));
        List<Finding> findings = check();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("charts/api/values-prod.yaml");
            assertThat(f.line()).isEqualTo(6);
            assertThat(f.message()).isEqualTo("app api: charts/api/values-prod.yaml (prod) differs from"
                    + " charts/api/values-staging.yaml (staging) in more than the image version: ingress.host, ingress.tls,"
                    + " extraArgs; review whether the environments should differ");
        });
    }

    @Test
    void aFileWithoutCounterpartAndAnUnparseableFileAreReported() throws Exception {
        TestFiles.write(repo, ".gitops/promotion.yaml", """
                environments:
                  - name: dev
                    path: apps/{app}/{env}
                  - name: prod
                    path: apps/{app}/{env}
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                """);
        String kustomization = "resources:\n  - ../base\nimages:\n  - name: ghcr.io/acme/web\n    newTag: 1.0.0\n";
        TestFiles.write(repo, "apps/web/dev/kustomization.yaml", kustomization);
        TestFiles.write(repo, "apps/web/prod/kustomization.yaml", kustomization.replace("1.0.0", "0.9.0"));
        TestFiles.write(repo, "apps/web/prod/hpa.yaml", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n");
        TestFiles.write(repo, "apps/web/dev/patch.yaml", "a: [unclosed\n");
        TestFiles.write(repo, "apps/web/prod/patch.yaml", "a: 1\n");
        List<Finding> findings = check();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("apps/web/prod/hpa.yaml");
            assertThat(f.line()).isZero();
            assertThat(f.message()).isEqualTo("app web: apps/web/prod/hpa.yaml has no counterpart apps/web/dev/hpa.yaml in"
                    + " dev; review whether the environments should differ");
        });
        assertThat(notes).singleElement().asString().startsWith("apps/web/dev/patch.yaml: drift not checked:");
    }
}
