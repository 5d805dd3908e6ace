package io.jenkins.plugins.gitopspromotion.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Edits that other tools setting image tags and digests (Kustomize's {@code edit set image} and image transformer,
 * Flux image automation, Argo CD Image Updater, Kargo, updatecli) make, or would refuse, replayed as our own cases
 * under {@code src/test/resources/corpus/fidelity/<case>/}: {@code case.properties} says what is promoted how,
 * {@code before.yaml} is the file, and {@code after.yaml} the exact bytes expected, or {@code refused} and
 * {@code line} in the properties the refusal expected instead.
 *
 * <p>Keys of {@code case.properties}: {@code about} (what the case shows), {@code update} (the update kind),
 * {@code image}, {@code otherNames} (comma-separated), {@code tag}, {@code digest}, {@code newName} (a rename), and
 * where the kind needs them {@code tagPath}, {@code digestPath}, {@code policy}.
 */
class FidelityCorpusTest {

    private static final String ROOT = "/corpus/fidelity";

    @TestFactory
    Stream<DynamicTest> everyCaseEditsExactlyAsExpectedOrIsRefusedWithFileAndLine() throws IOException {
        return cases().map(dir -> DynamicTest.dynamicTest(dir.getFileName() + ": " + properties(dir).getProperty("about"),
                () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        Properties p = properties(dir);
        String path = "fidelity/" + dir.getFileName() + "/before.yaml";
        byte[] before = Files.readAllBytes(dir.resolve("before.yaml"));
        App app = app(p);
        ImageUpdater updater = app.updater(YamlLimits.DEFAULT);
        ImageUpdate update = new ImageUpdate(app.names(), optional(p, "tag"), optional(p, "digest").map(Digest::parse),
                optional(p, "newName").map(ImageReference::parseName));
        if (p.containsKey("refused")) {
            assertThat(dir.resolve("after.yaml")).as("a refused case has no after.yaml").doesNotExist();
            assertThatThrownBy(() -> updater.apply(path, before, update))
                    .isInstanceOf(YamlEditException.class)
                    .hasMessageStartingWith(path + ":" + p.getProperty("line") + ": ")
                    .hasMessageContaining(p.getProperty("refused"));
            return;
        }
        // What a promotion reads first, for its title and its checks: it must not fail on an old value it overwrites.
        assertThat(updater.read(path, before, update.names())).allSatisfy(v -> assertThat(v.file()).isEqualTo(path));
        FileChange change = updater.apply(path, before, update);
        byte[] expected = Files.readAllBytes(dir.resolve("after.yaml"));
        assertThat(new String(change.after(), StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(change.after()).isEqualTo(expected);
        assertThat(updater.apply(path, change.after(), update).changed()).as("promoting the same again changes nothing").isFalse();
        // A file may hold part of a version only (a Flux :digest marker alone), never another one.
        assertThat(updater.read(path, change.after(), update.names())).isNotEmpty().allSatisfy(v -> {
            assertThat(v.tag()).isIn(update.tag(), Optional.empty());
            assertThat(v.digest()).isIn(update.digest(), Optional.empty());
            assertThat(v.malformedDigest()).isEmpty();
            update.newName().ifPresent(n -> assertThat(v.name().orElse(update.image()).sameRepositoryAs(n)).isTrue());
        });
    }

    /** An app of the case's kind, names and options. */
    private static App app(Properties p) {
        UpdateKind kind = UpdateKind.fromConfigName(p.getProperty("update")).orElseThrow();
        List<ImageReference> otherNames = optional(p, "otherNames").stream().flatMap(n -> Arrays.stream(n.split(",")))
                .map(String::strip).map(ImageReference::parseName).toList();
        return new App("web", ImageReference.parseName(p.getProperty("image")), kind, Optional.empty(), Optional.empty(),
                optional(p, "tagPath").map(YamlPath::parse), optional(p, "digestPath").map(YamlPath::parse),
                optional(p, "policy"), otherNames);
    }

    private static Optional<String> optional(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key));
    }

    private static Stream<Path> cases() throws IOException {
        Path root;
        try {
            root = Path.of(Objects.requireNonNull(FidelityCorpusTest.class.getResource(ROOT), ROOT).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    private static Properties properties(Path dir) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("case.properties"))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
