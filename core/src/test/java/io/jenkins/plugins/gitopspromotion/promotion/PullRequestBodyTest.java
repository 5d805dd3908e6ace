package io.jenkins.plugins.gitopspromotion.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PathTemplate;
import io.jenkins.plugins.gitopspromotion.config.Target;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.update.FileChange;
import io.jenkins.plugins.gitopspromotion.update.ImageNames;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import io.jenkins.plugins.gitopspromotion.update.ValueChange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PullRequestBodyTest {

    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static ChangePlan plan() {
        return plan(ImageUpdate.of("ghcr.io/acme/web", "1.1.0", DIGEST));
    }

    private static ChangePlan plan(ImageUpdate update) {
        FileChange change = new FileChange("apps/web/staging/kustomization.yaml", new byte[] {1}, new byte[] {2},
                List.of(new ValueChange(6, "images[ghcr.io/acme/web].newTag", "1.0.0", "1.1.0"),
                        new ValueChange(7, "images[ghcr.io/acme/web].digest", null, DIGEST)));
        return new ChangePlan(App.of("web", ImageReference.parseName("ghcr.io/acme/web")),
                Environment.of("staging", PathTemplate.parse("apps/{app}/staging")),
                new Target("apps/web/staging", Optional.of("kustomization.yaml"), UpdateKind.KUSTOMIZE),
                update,
                List.of(new ImageVersion("apps/web/staging/kustomization.yaml", 5, "x", Optional.of("1.0.0"), Optional.empty())),
                List.of(change));
    }

    @Test
    void saysWhatChangesAndWhereItComesFrom() {
        String body = PullRequestBody.render(plan(), new Provenance(Optional.of("dev"), Optional.of("https://ci.example.com/job/7/"),
                Optional.of("0a1b2c3"), Optional.of("https://git.example.com/acme/web/commit/0a1b2c3"), Optional.of("jane"),
                Optional.empty()));

        assertThat(body)
                .startsWith("Promotes **web** to **staging** (`1.0.0` → `1.1.0`).\n")
                .contains("| Image | `ghcr.io/acme/web` |\n| Tag | `1.1.0` |\n| Digest | `" + DIGEST + "` |\n")
                .contains("| From | the version `dev` has |\n| Build | https://ci.example.com/job/7/ |\n")
                .contains("| Source commit | [`0a1b2c3`](https://git.example.com/acme/web/commit/0a1b2c3) |\n| Promoted by | `jane` |\n")
                .contains("- `apps/web/staging/kustomization.yaml`\n  - line 6: `images[ghcr.io/acme/web].newTag` `1.0.0` → `1.1.0`\n"
                        + "  - line 7: `images[ghcr.io/acme/web].digest` (added) → `" + DIGEST + "`\n");
    }

    @Test
    void carriesAMachineReadableBlockTheViewReadsBack() {
        String body = PullRequestBody.render(plan(), new Provenance(Optional.of("dev"), Optional.of("https://ci/x-->y"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));

        JsonNode block = PullRequestBody.read("Edited by a person above.\n\n" + body).orElseThrow();
        assertThat(block.get("app").asText()).isEqualTo("web");
        assertThat(block.get("env").asText()).isEqualTo("staging");
        assertThat(block.get("tag").asText()).isEqualTo("1.1.0");
        assertThat(block.get("digest").asText()).isEqualTo(DIGEST);
        assertThat(block.get("from").asText()).isEqualTo("dev");
        assertThat(block.get("buildUrl").asText()).isEqualTo("https://ci/x-->y");
        assertThat(block.get("sourceCommit").isNull()).isTrue();
        assertThat(block.get("imageName").isNull()).isTrue();
        assertThat(block.get("files").get(0).asText()).isEqualTo("apps/web/staging/kustomization.yaml");
        String comment = body.substring(body.indexOf("<!-- gitops-promotion:v1"));
        assertThat(comment.indexOf("-->")).as("the comment ends only once, at its end").isEqualTo(comment.length() - 4);
        assertThat(PullRequestBody.read("no block here")).isEmpty();
    }

    @Test
    void leavesTheBlockOutWhereTheProviderWouldShowIt() {
        Provenance provenance = new Provenance(Optional.of("dev"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        String body = PullRequestBody.render(plan(), provenance, false);

        assertThat(body).doesNotContain("<!--").doesNotContain("gitops-promotion:v1")
                .isEqualTo(PullRequestBody.render(plan(), provenance).substring(0, body.length()))
                .endsWith("updates this pull request.\n");
        assertThat(PullRequestBody.read(body)).isEmpty();
    }

    @Test
    void aBodyIsOursByItsBlockWhereTheProviderHidesItAndByItsLastSentenceWhereItCannotCarryTheBlock() {
        String withBlock = PullRequestBody.render(plan(), Provenance.NONE, true);
        String withoutBlock = PullRequestBody.render(plan(), Provenance.NONE, false);

        assertThat(PullRequestBody.openedByUs(withBlock, true)).isTrue();
        assertThat(PullRequestBody.openedByUs(withoutBlock, false)).isTrue();
        assertThat(PullRequestBody.openedByUs(withoutBlock, true)).as("the sentence alone is not enough where bodies carry the"
                + " block: a person can write it").isFalse();
        assertThat(PullRequestBody.openedByUs("Revert web in staging, by hand", false)).isFalse();
        assertThat(PullRequestBody.openedByUs(null, true)).isFalse();
        assertThat(PullRequestBody.openedByUs(null, false)).isFalse();
    }

    @Test
    void aRenameShowsTheNewNameWhileTheAppKeepsItsImage() {
        ImageNames names = new ImageNames(ImageReference.parseName("ghcr.io/acme/web"),
                List.of(ImageReference.parseName("registry.acme.example/web")));
        ImageUpdate moved = new ImageUpdate(names, Optional.of("1.1.0"), Optional.empty(), Optional.of(names.others().get(0)));

        String body = PullRequestBody.render(plan(moved), Provenance.NONE);

        assertThat(body).startsWith("Promotes **web** to **staging** (`1.0.0` → `registry.acme.example/web:1.1.0`).\n")
                .contains("| Image | `registry.acme.example/web` |\n");
        JsonNode block = PullRequestBody.read(body).orElseThrow();
        assertThat(block.get("image").asText()).isEqualTo("ghcr.io/acme/web");
        assertThat(block.get("imageName").asText()).isEqualTo("registry.acme.example/web");
    }

    @Test
    void valuesFromTheFilesAndTheCallerCannotBreakOutOfTheirCodeOrAddLinks() {
        String hostile = "1.0` [approve here](https://evil.example/) `";
        FileChange change = new FileChange("apps/web/staging/kustomization.yaml", new byte[] {1}, new byte[] {2},
                List.of(new ValueChange(6, "images[ghcr.io/acme/web].newTag", hostile + "\n\n# Approved", "1.1.0")));
        ChangePlan plan = new ChangePlan(App.of("web", ImageReference.parseName("ghcr.io/acme/web")),
                Environment.of("staging", PathTemplate.parse("apps/{app}/staging")),
                new Target("apps/web/staging", Optional.of("kustomization.yaml"), UpdateKind.KUSTOMIZE),
                ImageUpdate.of("ghcr.io/acme/web", "1.1.0", null),
                List.of(new ImageVersion("apps/web/staging/kustomization.yaml", 5, "x", Optional.of(hostile), Optional.empty())),
                List.of(change));

        String body = PullRequestBody.render(plan, new Provenance(Optional.empty(), Optional.of("https://ci.example/7/) [x](y"),
                Optional.of("abc | injected"), Optional.of("javascript:alert(1)"), Optional.empty(), Optional.empty()));

        assertThat(body).startsWith("Promotes **web** to **staging** (`` 1.0` [approve here](https://evil.example/) ` `` → `1.1.0`).")
                .contains("| Build | `https://ci.example/7/) [x](y` |\n")
                .contains("| Source commit | `abc \\| injected` `javascript:alert(1)` |\n")
                .contains("  - line 6: `images[ghcr.io/acme/web].newTag` ``'1.0` [approve here](https://evil.example/) `\\n\\n# Approved'``")
                .doesNotContain("\n# Approved");
    }
}
