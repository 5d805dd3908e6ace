package io.jenkins.plugins.gitopspromotion.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KustomizeImagesUpdaterTest {

    static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String OLD_DIGEST = "sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

    private final KustomizeImagesUpdater updater = new KustomizeImagesUpdater(YamlLimits.DEFAULT);

    private String apply(String input, String tag, String digest) {
        FileChange change = updater.apply("apps/web/overlays/dev/kustomization.yaml",
                input.getBytes(StandardCharsets.UTF_8), ImageUpdate.of("ghcr.io/acme/web", tag, digest));
        return new String(change.after(), StandardCharsets.UTF_8);
    }

    @Test
    void setsNewTagAndKeepsEveryOtherByte() {
        String input = """
                # Overlay for dev: owned by the web team.
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization

                resources:
                  - ../../base   # shared base

                images:
                  - name: ghcr.io/acme/api
                    newTag: 3.0.0
                  - name: ghcr.io/acme/web   # the app
                    newTag: 1.0.0 # bumped by CI
                """;
        String expected = input.replace("newTag: 1.0.0 # bumped by CI", "newTag: 1.1.0 # bumped by CI");
        assertThat(apply(input, "1.1.0", null)).isEqualTo(expected);
    }

    @Test
    void reportsWhatChangedWithTheLine() {
        String input = "images:\n- name: ghcr.io/acme/web\n  newTag: 1.0.0\n";
        FileChange change = updater.apply("k.yaml", input.getBytes(StandardCharsets.UTF_8),
                ImageUpdate.of("ghcr.io/acme/web", "1.1.0", null));
        assertThat(change.changed()).isTrue();
        assertThat(change.changes()).containsExactly(
                new ValueChange(3, "images[ghcr.io/acme/web].newTag", "1.0.0", "1.1.0"));
    }

    @Test
    void keepsQuoteStyles() {
        String input = "images:\n- name: 'ghcr.io/acme/web'\n  newTag: '1.0.0'\n- name: \"x/y\"\n  newTag: \"2\"\n";
        assertThat(apply(input, "1.1.0", null)).isEqualTo(input.replace("'1.0.0'", "'1.1.0'"));
    }

    @Test
    void quotesAPlainTagThatWouldReadAsANumber() {
        String input = "images:\n- name: ghcr.io/acme/web\n  newTag: v1\n";
        assertThat(apply(input, "1.10", null)).isEqualTo("images:\n- name: ghcr.io/acme/web\n  newTag: \"1.10\"\n");
    }

    @Test
    void addsAMissingDigestInTheEntrysIndentation() {
        String input = """
                images:
                    -   name: ghcr.io/acme/web
                        newTag: 1.0.0   # pinned
                # end of images
                """;
        String expected = """
                images:
                    -   name: ghcr.io/acme/web
                        newTag: 1.1.0   # pinned
                        digest: %s
                # end of images
                """.formatted(DIGEST);
        assertThat(apply(input, "1.1.0", DIGEST)).isEqualTo(expected);
    }

    @Test
    void aTagWithoutDigestRemovesTheStaleDigest() {
        String input = "images:\n- name: ghcr.io/acme/web\n  newTag: 1.0.0\n  digest: " + OLD_DIGEST + "  # old pin\nresources:\n- ../../base\n";
        assertThat(apply(input, "1.1.0", null))
                .isEqualTo("images:\n- name: ghcr.io/acme/web\n  newTag: 1.1.0\nresources:\n- ../../base\n");
    }

    @Test
    void aDigestWithoutTagRemovesTheStaleTagEvenWhenItIsTheFirstKeyOfTheItem() {
        String input = "images:\n- newTag: 1.0.0\n  name: ghcr.io/acme/web\n  digest: " + OLD_DIGEST + "\n";
        assertThat(apply(input, null, DIGEST)).isEqualTo("images:\n- name: ghcr.io/acme/web\n  digest: " + DIGEST + "\n");
    }

    @Test
    void addsAMissingEntryInTheListsStyle() {
        String input = """
                resources:
                  - ../../base
                images:
                  - name: ghcr.io/acme/api
                    newTag: 3.0.0
                """;
        String expected = input + "  - name: ghcr.io/acme/web\n    newTag: 1.1.0\n    digest: " + DIGEST + "\n";
        assertThat(apply(input, "1.1.0", DIGEST)).isEqualTo(expected);
    }

    @Test
    void addsTheImagesKeyWhenMissingFollowingTheFilesSequenceStyle() {
        String indented = "resources:\n  - ../../base\n";
        assertThat(apply(indented, "1.1.0", null))
                .isEqualTo(indented + "images:\n  - name: ghcr.io/acme/web\n    newTag: 1.1.0\n");
        String indentless = "resources:\n- ../../base\n# trailing comment\n";
        assertThat(apply(indentless, "1.1.0", null))
                .isEqualTo("resources:\n- ../../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: 1.1.0\n# trailing comment\n");
    }

    @Test
    void keepsAFileWithoutFinalLineBreakWithoutOne() {
        String input = "resources:\n- ../../base";
        assertThat(apply(input, "1.1.0", null))
                .isEqualTo("resources:\n- ../../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: 1.1.0");
    }

    @Test
    void fillsAnEmptyImagesKey() {
        String input = "resources:\n- ../../base\nimages:\nnamespace: web\n";
        assertThat(apply(input, "1.1.0", null))
                .isEqualTo("resources:\n- ../../base\nimages:\n- name: ghcr.io/acme/web\n  newTag: 1.1.0\nnamespace: web\n");
    }

    @Test
    void editsFlowStyle() {
        String input = "images: [{name: ghcr.io/acme/web, newTag: 1.0.0}, {name: b}]\n";
        assertThat(apply(input, "1.1.0", DIGEST))
                .isEqualTo("images: [{name: ghcr.io/acme/web, newTag: 1.1.0, digest: " + DIGEST + "}, {name: b}]\n");
        assertThat(apply("images: []\n", "1.1.0", null)).isEqualTo("images: [{name: ghcr.io/acme/web, newTag: 1.1.0}]\n");
        assertThat(apply("images: [{name: ghcr.io/acme/web, newTag: 1.0.0, digest: " + OLD_DIGEST + "}]\n", "2.0.0", null))
                .isEqualTo("images: [{name: ghcr.io/acme/web, newTag: 2.0.0}]\n");
    }

    @Test
    void keepsCrlfLineEndingsAndTheByteOrderMark() {
        String input = "\uFEFFresources:\r\n- ../../base\r\nimages:\r\n- name: ghcr.io/acme/web\r\n  newTag: 1.0.0\r\n";
        String expected = "\uFEFFresources:\r\n- ../../base\r\nimages:\r\n- name: ghcr.io/acme/web\r\n  newTag: 1.1.0\r\n"
                + "  digest: " + DIGEST + "\r\n";
        byte[] after = updater.apply("k.yaml", input.getBytes(StandardCharsets.UTF_8),
                ImageUpdate.of("ghcr.io/acme/web", "1.1.0", DIGEST)).after();
        assertThat(after).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(after[0]).isEqualTo((byte) 0xEF);
    }

    @Test
    void findsTheEntryByNewNameAndMatchesDockerHubNamesNormalised() {
        String input = "images:\n- name: web-image\n  newName: ghcr.io/acme/web\n  newTag: 1.0.0\n- name: nginx\n  newTag: '1.25'\n";
        assertThat(apply(input, "1.1.0", null)).isEqualTo(input.replace("newTag: 1.0.0", "newTag: 1.1.0"));
        FileChange change = updater.apply("k.yaml", input.getBytes(StandardCharsets.UTF_8),
                ImageUpdate.of("docker.io/library/nginx", "1.27", null));
        assertThat(new String(change.after(), StandardCharsets.UTF_8)).isEqualTo(input.replace("'1.25'", "'1.27'"));
    }

    @Test
    void promotingWhatIsThereIsUnchanged() {
        String input = "images:\n- name: ghcr.io/acme/web\n  newTag: 1.1.0\n  digest: " + DIGEST + "\n";
        FileChange change = updater.apply("k.yaml", input.getBytes(StandardCharsets.UTF_8),
                ImageUpdate.of("ghcr.io/acme/web", "1.1.0", DIGEST));
        assertThat(change.changed()).isFalse();
        assertThat(change.changes()).isEmpty();
        assertThat(change.after()).isEqualTo(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheCurrentVersion() {
        String input = "images:\n- name: ghcr.io/acme/api\n  newTag: 3.0.0\n- name: ghcr.io/acme/web\n  newTag: 1.1.0\n  digest: " + DIGEST + "\n";
        assertThat(updater.read("k.yaml", input.getBytes(StandardCharsets.UTF_8), ImageReference.parseName("ghcr.io/acme/web")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.line()).isEqualTo(4);
                    assertThat(v.describe()).isEqualTo("1.1.0@" + DIGEST);
                });
        assertThat(updater.read("k.yaml", input.getBytes(StandardCharsets.UTF_8), ImageReference.parseName("ghcr.io/acme/db")))
                .isEmpty();
    }

    @Test
    void refusesWhatCannotBeEditedSafely() {
        assertRefused("images:\n- name: ghcr.io/acme/web\n  newTag: &t 1.0.0\nlabels: {v: *t}\n", "anchor &t");
        assertRefused("images:\n- &e\n  name: ghcr.io/acme/web\n  newTag: 1.0.0\n", "anchor &e");
        assertRefused("images:\n- name: ghcr.io/acme/web\n  newTag: |\n    1.0.0\n", "block scalar");
        assertRefused("images:\n- name: ghcr.io/acme/web\n  newTag: '{{ .Values.tag }}'\n", "template expression");
        assertRefused("images:\n- name: ghcr.io/acme/web\n  newTag: 1.0.0\n  newTag: 1.0.1\n", "k.yaml:4: duplicate key 'newTag'");
        assertRefused("images:\n- name: ghcr.io/acme/web\n  newTag: [1.0.0\n", "not valid YAML");
        assertRefused("images:\n- name: ghcr.io/acme/web\n- name: ghcr.io/acme/web\n", "more than one images entry");
        assertRefused("images: web\n", "'images' must be a list");
        assertRefused("resources: []\n---\nimages: []\n", "single YAML document");
        assertRefused("- a\n- b\n", "must be a YAML mapping");
    }

    @Test
    void refusesFilesOverTheSizeLimitAndAliasBombs() {
        KustomizeImagesUpdater small = new KustomizeImagesUpdater(new YamlLimits(64, 10, 20));
        byte[] big = ("images: []\n" + "#".repeat(100)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.apply("k.yaml", big, ImageUpdate.of("ghcr.io/acme/web", "1", null)))
                .isInstanceOf(YamlEditException.class).hasMessageContaining("over the limit of 64 bytes");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        assertRefused(bomb.toString(), "aliases");
    }

    private void assertRefused(String input, String message) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> updater.apply("k.yaml", bytes, ImageUpdate.of("ghcr.io/acme/web", "2.0.0", null)))
                .isInstanceOf(YamlEditException.class)
                .hasMessageStartingWith("k.yaml")
                .hasMessageContaining(message);
    }
}
