package io.jenkins.plugins.gitopspromotion.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jenkins.plugins.gitopspromotion.config.DirectoryRepoTree;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PathTemplate;
import io.jenkins.plugins.gitopspromotion.config.TestFiles;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plaintext Secrets that Kustomize deploys from an overlay although no file beside its kustomization shows one by its
 * name: the secrets guard follows what the kustomization makes Kustomize read, reads JSON, and resolves merge keys.
 * Each layout is checked by the promotion's guard and by the audit of the whole repository.
 */
public class DeployedSecretsTest {

    /** The overlay promoted into, as in the config repository fixture. */
    public static final String OVERLAY = "apps/web/dev";
    private static final String IMAGES = "images:\n- name: ghcr.io/acme/web\n  newTag: '1.0'\n";
    private static final String SECRET = "hunter2-Sup3r";

    @TempDir
    Path repo;

    /**
     * Each way, the overlay's kustomization, the other files, and the file and line the finding must name (also the
     * bad-input corpus's).
     */
    public static Stream<Arguments> layouts() {
        return Stream.of(
                arguments("a Secret in a .json resource", "resources:\n- db.json\n" + IMAGES,
                        Map.of(OVERLAY + "/db.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Secret\",\n  \"metadata\": {\"name\": \"db\"},\n"
                                + "  \"stringData\": {\"password\": \"" + SECRET + "\"}\n}\n"),
                        OVERLAY + "/db.json:5"),
                arguments("stringData through a merge key", "resources:\n- db.yaml\n" + IMAGES,
                        Map.of(OVERLAY + "/db.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  annotations: &creds\n"
                                + "    password: " + SECRET + "\nstringData:\n  <<: *creds\n"),
                        OVERLAY + "/db.yaml:6"),
                arguments("a resource file without extension", "resources:\n- db-secret\n" + IMAGES,
                        Map.of(OVERLAY + "/db-secret", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n"
                                + "  password: " + SECRET + "\n"),
                        OVERLAY + "/db-secret:6"),
                arguments("a secretGenerator's envs file", "secretGenerator:\n- name: db\n  envs:\n  - db.env\n" + IMAGES,
                        Map.of(OVERLAY + "/db.env", "# the database\nDB_USER=web\n\nDB_PASSWORD=" + SECRET + "\n"),
                        OVERLAY + "/db.env:4"),
                arguments("a secretGenerator's file", "secretGenerator:\n- name: db\n  files:\n  - password=db.txt\n" + IMAGES,
                        Map.of(OVERLAY + "/db.txt", SECRET + "\n"),
                        OVERLAY + "/db.txt:1"),
                arguments("a Secret in a sub-folder named in resources", "resources:\n- secrets/\n" + IMAGES,
                        Map.of(OVERLAY + "/secrets/kustomization.yaml", "resources:\n- db.yaml\n",
                                OVERLAY + "/secrets/db.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n"
                                        + "  password: " + SECRET + "\n"),
                        OVERLAY + "/secrets/db.yaml:6"),
                arguments("a Secret in the base the overlay builds on", "resources:\n- ../base\n" + IMAGES,
                        Map.of("apps/web/base/kustomization.yaml", "resources:\n- secret.yaml\n",
                                "apps/web/base/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n"
                                        + "  password: " + SECRET + "\n"),
                        "apps/web/base/secret.yaml:6"));
    }

    private void write(String kustomization, Map<String, String> files) throws IOException {
        TestFiles.write(repo, OVERLAY + "/kustomization.yaml", kustomization);
        for (Map.Entry<String, String> file : files.entrySet()) {
            TestFiles.write(repo, file.getKey(), file.getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void thePromotionsGuardFindsIt(String way, String kustomization, Map<String, String> files, String location)
            throws IOException {
        write(kustomization, files);

        AuditReport report = ConfigAudit.auditDeployed(new DirectoryRepoTree(repo), OVERLAY, Map.of(),
                Environment.of("dev", PathTemplate.parse("apps/{app}/dev")), YamlLimits.DEFAULT);

        assertThat(report.blocking()).as(way).isTrue();
        assertThat(report.findings(Severity.BLOCKING)).extracting(Finding::location).contains(location);
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.render()).doesNotContain(SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void theAuditFindsIt(String way, String kustomization, Map<String, String> files, String location) throws IOException {
        write(kustomization, files);

        AuditReport report = ConfigAudit.audit(new DirectoryRepoTree(repo), Optional.empty(), YamlLimits.DEFAULT);

        assertThat(report.findings(Severity.BLOCKING)).as(way).extracting(Finding::location).contains(location);
    }

    @Test
    void remoteResourcesAndPathsOutsideTheRepositoryAreNotFollowed() throws IOException {
        write("resources:\n- https://github.com/acme/other//deploy?ref=v1\n- ../../../../etc\n- github.com/acme/x?ref=main\n"
                + IMAGES, Map.of());

        AuditReport report = ConfigAudit.auditDeployed(new DirectoryRepoTree(repo), OVERLAY, Map.of(),
                Environment.of("dev", PathTemplate.parse("apps/{app}/dev")), YamlLimits.DEFAULT);

        assertThat(report.findings()).isEmpty();
        assertThat(KustomizeLoads.resolve(OVERLAY, "../../../../etc")).isEmpty();
        assertThat(KustomizeLoads.resolve(OVERLAY, "./secrets//db.yaml")).contains(OVERLAY + "/secrets/db.yaml");
    }
}
