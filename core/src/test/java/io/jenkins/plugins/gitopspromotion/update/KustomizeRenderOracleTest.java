package io.jenkins.plugins.gitopspromotion.update;

import static io.jenkins.plugins.gitopspromotion.update.KustomizeImagesUpdaterTest.DIGEST;
import static io.jenkins.plugins.gitopspromotion.update.KustomizeImagesUpdaterTest.OLD_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real Kustomize, as built into {@code kubectl}, renders an overlay this updater edited and deploys the
 * new image. It is the oracle for what the {@code images:} entries mean (tag with digest, stale digests).
 * Where {@code kubectl} is not installed the test is skipped and says so; CI does not install it.
 */
class KustomizeRenderOracleTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: ghcr.io/acme/web:0.1.0
            """;

    @BeforeAll
    static void requireKubectl() {
        Assumptions.assumeTrue(onPath("kubectl"),
                "kubectl is not installed: skipping the render check with the real Kustomize (kubectl kustomize)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "entry missing, tag and digest | resources:\\n- ../base\\n | 1.2.0 | " + DIGEST + " | ghcr.io/acme/web:1.2.0@" + DIGEST,
        "images key empty, tag | resources:\\n- ../base\\nimages:\\n | 1.2.0 | | ghcr.io/acme/web:1.2.0",
        "stale digest removed | resources:\\n- ../base\\nimages:\\n- name: ghcr.io/acme/web # app\\n  newTag: 1.0.0\\n  digest: "
            + OLD_DIGEST + "\\n | 1.3.0 | | ghcr.io/acme/web:1.3.0",
        "flow style, digest only | {resources: [../base], images: [{name: ghcr.io/acme/web, newTag: '1.0'}]} | | " + DIGEST
            + " | ghcr.io/acme/web@" + DIGEST,
        "CRLF, numeric-looking tag | resources:\\r\\n- ../base\\r\\nimages:\\r\\n- name: ghcr.io/acme/web\\r\\n  newTag: v1\\r\\n | 1.10 | "
            + "| ghcr.io/acme/web:1.10",
    })
    void kustomizeRendersTheNewImage(String name, String overlay, String tag, String digest, String expected,
            @TempDir Path dir) throws Exception {
        String rendered = render(dir, overlay, ImageUpdate.of("ghcr.io/acme/web", tag, digest));

        assertThat(rendered).contains("image: " + expected + "\n");
    }

    /** Renders a base with the deployment and an overlay edited by the updater, written with {@code \\n} for line breaks. */
    private static String render(Path dir, String overlay, ImageUpdate update) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/deployment.yaml"), DEPLOYMENT);
        Files.writeString(dir.resolve("base/kustomization.yaml"), "resources:\n- deployment.yaml\n");
        Path kustomization = dir.resolve("overlay/kustomization.yaml");
        Files.createDirectories(kustomization.getParent());
        byte[] before = overlay.replace("\\n", "\n").replace("\\r", "\r").getBytes(StandardCharsets.UTF_8);
        FileChange change = new KustomizeImagesUpdater(YamlLimits.DEFAULT).apply("overlay/kustomization.yaml", before, update);
        Files.write(kustomization, change.after());
        return kustomize(dir.resolve("overlay"));
    }

    /** A rename writes newName, and Kustomize deploys the image under it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "entry present  | resources:\\n- ../base\\nimages:\\n- name: ghcr.io/acme/web\\n  newTag: 1.0.0\\n",
        "entry missing  | resources:\\n- ../base\\n",
        "back to image  | resources:\\n- ../base\\nimages:\\n- name: ghcr.io/acme/web\\n  newName: registry.acme.example/web\\n",
    })
    void kustomizeDeploysTheImageUnderItsNewName(String name, String overlay, @TempDir Path dir) throws Exception {
        ImageNames names = new ImageNames(ImageReference.parseName("ghcr.io/acme/web"),
                List.of(ImageReference.parseName("registry.acme.example/web")));
        ImageReference newName = overlay.contains("newName") ? names.image() : names.others().get(0);
        ImageUpdate update = new ImageUpdate(names, Optional.of("2.0.0"), Optional.of(Digest.parse(DIGEST)), Optional.of(newName));

        String rendered = render(dir, overlay, update);

        assertThat(rendered).contains("image: " + newName.name() + ":2.0.0@" + DIGEST + "\n");
    }

    /**
     * References Kustomize's image transformer replaces although they are no valid references (a placeholder tag, a
     * malformed digest) are replaced by the manifests updater exactly as Kustomize renders them.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "placeholder tag   | my-image:{GENERATED_TAG}",
        "malformed digest  | my-image@sha256:abcdef12345",
        "tag and malformed | my-image:1.0@sha256:0123456789abcdef",
        "no tag            | my-image",
    })
    void theManifestsUpdaterReplacesWhatKustomizeReplaces(String name, String reference, @TempDir Path dir) throws Exception {
        String deployment = DEPLOYMENT.replace("ghcr.io/acme/web:0.1.0", reference);
        Files.writeString(dir.resolve("deployment.yaml"), deployment);
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n- deployment.yaml\nimages:\n- name: my-image\n"
                + "  newTag: 1.2.0\n  digest: " + DIGEST + "\n");

        String rendered = kustomize(dir);
        FileChange change = new ManifestsUpdater(YamlLimits.DEFAULT).apply("deployment.yaml",
                deployment.getBytes(StandardCharsets.UTF_8), ImageUpdate.of("my-image", "1.2.0", DIGEST));

        String expected = "image: my-image:1.2.0@" + DIGEST + "\n";
        assertThat(rendered).contains(expected);
        assertThat(new String(change.after(), StandardCharsets.UTF_8)).isEqualTo(deployment.replace("image: " + reference + "\n", expected));
    }

    private static String kustomize(Path overlay) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize failed:\n" + output).isZero();
        return output;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
