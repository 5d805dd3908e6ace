package io.jenkins.plugins.gitopspromotion.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.DirectoryRepoTree;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.TestFiles;
import io.jenkins.plugins.gitopspromotion.yaml.YamlFile;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagPolicyTest {

    @TempDir
    Path repo;

    private static YamlFile yaml(String path, String text) {
        return YamlFile.parse(path, text.getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
    }

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            spec:
              initContainers:
                - name: init
                  image: busybox
              containers:
                - name: shell
                  image: registry.local:5000/tools/shell:latest
                - name: pinned
                  image: registry.local:5000/tools/shell:latest@sha256:%s
                - name: templated
                  image: "{{ .Values.image }}"
                - name: versioned
                  image: nginx:1.27.0
            """.formatted("0f".repeat(32));

    @Test
    void containersWithoutTagOrWithLatestWarnAndADigestPinsWhateverTheTag() {
        TagPolicy policy = new TagPolicy(YamlLimits.DEFAULT, EnvironmentFiles.none());
        policy.checkFile(yaml("debug/pod.yaml", POD));
        List<Finding> findings = policy.findings();
        assertThat(findings).extracting(Finding::line).containsExactly(8, 11);
        assertThat(findings).allMatch(f -> f.kind() == FindingKind.MUTABLE_TAG && f.severity() == Severity.WARNING);
        assertThat(findings.get(0).message()).isEqualTo("Pod/debug initContainers[init] uses busybox without tag or digest,"
                + " which runs whatever latest is when the pod starts; pin a version");
        assertThat(findings.get(1).message()).startsWith("Pod/debug containers[shell] uses the mutable tag latest");
    }

    @Test
    void inAnEnvironmentThatPinsDigestsEveryAppImageWithoutDigestBlocks() throws Exception {
        TestFiles.write(repo, ".gitops/promotion.yaml", """
                environments:
                  - name: dev
                    path: envs/{env}
                  - name: prod
                    path: envs/{env}
                    pinDigest: true
                apps:
                  - name: api
                    image: ghcr.io/acme/api
                    update: manifests
                  - name: chart
                    image: ghcr.io/acme/chart-app
                    update: helm-values
                    file: values.yaml
                    digestPath: image.digest
                """);
        String api = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          image: ghcr.io/acme/api:%s
                """;
        String values = "image:\n  repository: ghcr.io/acme/chart-app\n  tag: %s\n  digest: \"%s\"\n";
        TestFiles.write(repo, "envs/dev/api.yaml", api.formatted("latest"));
        TestFiles.write(repo, "envs/dev/values.yaml", values.formatted("3.0.0", ""));
        TestFiles.write(repo, "envs/prod/api.yaml", api.formatted("2.0.0"));
        TestFiles.write(repo, "envs/prod/values.yaml", values.formatted("3.0.0", "sha256:" + "12".repeat(32)));

        DirectoryRepoTree tree = new DirectoryRepoTree(repo);
        PromotionConfig config = ConfigLoader.load(tree);
        List<String> notes = new ArrayList<>();
        TagPolicy policy = new TagPolicy(YamlLimits.DEFAULT, EnvironmentFiles.of(config, notes));
        List<Finding> apps = policy.checkApps(tree, config, notes);
        assertThat(notes).isEmpty();
        assertThat(apps).extracting(Finding::file, Finding::line, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("envs/dev/api.yaml", 10, Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("envs/prod/api.yaml", 10, Severity.BLOCKING));
        assertThat(apps.get(1).message()).isEqualTo("app api has ghcr.io/acme/api:2.0.0 without digest in prod, which pins"
                + " digests (pinDigest: true); promote it with its digest");

        policy.checkFile(yaml("envs/prod/sidecar.yaml", POD));
        assertThat(policy.findings()).as("any latest in a pinned environment's folder blocks")
                .extracting(Finding::severity).containsOnly(Severity.BLOCKING).hasSize(2);
    }

    @Test
    void anAppWhoseFilesAreMissingOrInvalidIsNotedNotFatal() throws Exception {
        TestFiles.write(repo, ".gitops/promotion.yaml", """
                environments:
                  - name: dev
                    path: apps/{app}/dev
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                """);
        DirectoryRepoTree tree = new DirectoryRepoTree(repo);
        List<String> notes = new ArrayList<>();
        PromotionConfig config = ConfigLoader.load(tree);
        List<Finding> findings = new TagPolicy(YamlLimits.DEFAULT, EnvironmentFiles.none()).checkApps(tree, config, notes);
        assertThat(findings).isEmpty();
        assertThat(notes).singleElement().asString().startsWith("app web in dev: image version not checked:")
                .contains("apps/web/dev/kustomization.yaml does not exist");

        TestFiles.write(repo, "apps/web/dev/kustomization.yaml", "images:\n  - name: ghcr.io/acme/web\n    digest: sha256:nothex\n");
        notes.clear();
        assertThat(new TagPolicy(YamlLimits.DEFAULT, EnvironmentFiles.none()).checkApps(tree, config, notes)).isEmpty();
        assertThat(notes).singleElement().asString().startsWith("app web in dev: image version not checked:")
                .contains("sha256:nothex");
    }
}
