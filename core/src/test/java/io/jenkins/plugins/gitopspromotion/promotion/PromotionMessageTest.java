package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PathTemplate;
import io.jenkins.plugins.gitopspromotion.config.Target;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.update.FileChange;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import io.jenkins.plugins.gitopspromotion.update.ValueChange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionMessageTest {

    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String OLD = "sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    private static final String FILE = "apps/web/overlays/dev/kustomization.yaml";

    private static ChangePlan plan(ImageUpdate update, ImageVersion before) {
        App app = App.of("web", ImageReference.parseName("ghcr.io/acme/web"));
        Environment dev = Environment.of("dev", PathTemplate.parse("apps/{app}/overlays/dev"));
        FileChange change = new FileChange(FILE, new byte[] {1}, new byte[] {2},
                List.of(new ValueChange(7, "images[ghcr.io/acme/web].newTag", "1.4.2", "1.5.0")));
        return new ChangePlan(app, dev, new Target("apps/web/overlays/dev", Optional.of("kustomization.yaml"), UpdateKind.KUSTOMIZE),
                update, List.of(before), List.of(change));
    }

    @Test
    void saysWhatMovesWhereAndCarriesTrailers() {
        ChangePlan plan = plan(ImageUpdate.of("ghcr.io/acme/web", "1.5.0", DIGEST),
                new ImageVersion(FILE, 5, "images[ghcr.io/acme/web]", Optional.of("1.4.2"), Optional.of(Digest.parse(OLD))));
        assertThat(PromotionMessage.of(plan, new Provenance(Optional.of("staging"), Optional.of("https://ci.example.com/job/web/42/"),
                Optional.of("0a1b2c3"), Optional.empty(), Optional.of("Jane Doe <jane@example.com>"), Optional.empty())))
                .isEqualTo("""
                        Promote web 1.4.2 → 1.5.0 to dev

                        Image: ghcr.io/acme/web:1.5.0@%s

                        apps/web/overlays/dev/kustomization.yaml:
                          line 7: images[ghcr.io/acme/web].newTag 1.4.2 -> 1.5.0

                        Promoted-Image: ghcr.io/acme/web:1.5.0
                        Promoted-Digest: %s
                        Promoted-From: staging
                        Build-Url: https://ci.example.com/job/web/42/
                        Source-Commit: 0a1b2c3
                        Promoted-By: Jane Doe <jane@example.com>
                        """.formatted(DIGEST, DIGEST));
    }

    @Test
    void valuesReadFromTheFilesCannotAddLinesOrTrailers() {
        String forged = "1.4.2\n\nReviewed-by: Release Manager <boss@example.com>";
        App app = App.of("web", ImageReference.parseName("ghcr.io/acme/web"));
        FileChange change = new FileChange(FILE + "\nApproved: yes", new byte[] {1}, new byte[] {2},
                List.of(new ValueChange(7, "images[ghcr.io/acme/web].newTag\u2028Signed-off-by: x", forged, "1.5.0")));
        ChangePlan plan = new ChangePlan(app, Environment.of("dev", PathTemplate.parse("apps/{app}/overlays/dev")),
                new Target("apps/web/overlays/dev", Optional.of("kustomization.yaml"), UpdateKind.KUSTOMIZE),
                ImageUpdate.of("ghcr.io/acme/web", "1.5.0", null),
                List.of(new ImageVersion(FILE, 5, "x", Optional.of(forged), Optional.empty())), List.of(change));

        String message = PromotionMessage.of(plan, Provenance.NONE);

        assertThat(PromotionMessage.title(plan)).isEqualTo("Promote web '1.4.2\\n\\nReviewed-by: Release Manager"
                + " <boss@example.com>' → 1.5.0 to dev");
        assertThat(message.lines()).noneMatch(l -> l.startsWith("Reviewed-by") || l.startsWith("Approved")
                || l.startsWith("Signed-off-by"));
        assertThat(message).contains("'" + FILE + "\\nApproved: yes':\n")
                .contains("  line 7: 'images[ghcr.io/acme/web].newTag\\u2028Signed-off-by: x' '1.4.2\\n\\nReviewed-by:");
    }

    @Test
    void titlesShortenDigestsAndNameAnEmptyStart() {
        assertThat(PromotionMessage.title(plan(ImageUpdate.of("ghcr.io/acme/web", null, DIGEST),
                new ImageVersion(FILE, 5, "x", Optional.empty(), Optional.of(Digest.parse(OLD))))))
                .isEqualTo("Promote web sha256:ffffffffffff → sha256:0123456789ab to dev");
        assertThat(PromotionMessage.title(plan(ImageUpdate.of("ghcr.io/acme/web", "2", null),
                new ImageVersion(FILE, 5, "x", Optional.empty(), Optional.empty()))))
                .isEqualTo("Promote web (none) → 2 to dev");
        assertThat(PromotionMessage.trailers(ImageUpdate.of("ghcr.io/acme/web", null, DIGEST), Provenance.NONE))
                .containsExactly(java.util.Map.entry("Promoted-Image", "ghcr.io/acme/web"), java.util.Map.entry("Promoted-Digest", DIGEST));
    }

    @Test
    void theSourceCommitsTimeIsATrailerAfterTheSourcesLink() {
        Provenance provenance = new Provenance(Optional.empty(), Optional.empty(), Optional.of("4b825dc6"),
                Optional.of("https://git.example.com/acme/web/commit/4b825dc6"), Optional.empty(),
                Optional.of(java.time.Instant.parse("2026-11-27T11:40:00Z")));
        assertThat(PromotionMessage.trailers(ImageUpdate.of("ghcr.io/acme/web", "1.5.0", null), provenance)).containsExactly(
                java.util.Map.entry("Promoted-Image", "ghcr.io/acme/web:1.5.0"), java.util.Map.entry("Source-Commit", "4b825dc6"),
                java.util.Map.entry("Source-Url", "https://git.example.com/acme/web/commit/4b825dc6"),
                java.util.Map.entry("Source-Time", "2026-11-27T11:40:00Z"));
    }
}
