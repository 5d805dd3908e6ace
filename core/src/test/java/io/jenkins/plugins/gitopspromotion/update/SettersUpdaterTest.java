package io.jenkins.plugins.gitopspromotion.update;

import static io.jenkins.plugins.gitopspromotion.update.KustomizeImagesUpdaterTest.DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.yaml.YamlEditException;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettersUpdaterTest {

    private static String apply(SettersUpdater updater, String input, String tag, String digest) {
        return new String(updater.apply("clusters/prod/worker.yaml", input.getBytes(StandardCharsets.UTF_8),
                ImageUpdate.of("ghcr.io/acme/worker", tag, digest)).after(), StandardCharsets.UTF_8);
    }

    private static final SettersUpdater INFERRED = new SettersUpdater(Optional.empty(), YamlLimits.DEFAULT);

    @Test
    void updatesAWholeReferenceMarker() {
        String input = """
                spec:
                  template:
                    spec:
                      containers:
                      - name: worker
                        image: ghcr.io/acme/worker:0.9.1 # {"$imagepolicy": "flux-system:worker"}
                      - name: other
                        image: ghcr.io/acme/other:1.0 # {"$imagepolicy": "flux-system:other"}
                """;
        assertThat(apply(INFERRED, input, "0.9.2", null)).isEqualTo(input.replace("worker:0.9.1", "worker:0.9.2"));
        assertThat(apply(INFERRED, input, "0.9.2", DIGEST))
                .isEqualTo(input.replace("worker:0.9.1", "worker:0.9.2@" + DIGEST));
    }

    @Test
    void updatesTagAndDigestMarkersOfThePolicyNamedByItsNameMarker() {
        String input = """
                image:
                  repository: ghcr.io/acme/worker # {"$imagepolicy": "flux-system:worker:name"}
                  tag: "0.9.1" # {"$imagepolicy": "flux-system:worker:tag"}
                  digest: sha256:%s # {"$imagepolicy": "flux-system:worker:digest"}
                sidecar:
                  tag: 2.0 # {"$imagepolicy": "flux-system:sidecar:tag"}
                """.formatted("e".repeat(64));
        String expected = input.replace("\"0.9.1\"", "\"0.9.2\"").replace("sha256:" + "e".repeat(64), DIGEST);
        assertThat(apply(INFERRED, input, "0.9.2", DIGEST)).isEqualTo(expected);
        assertThatThrownBy(() -> apply(INFERRED, input, "0.9.2", null))
                .isInstanceOf(YamlEditException.class).hasMessageContaining("pins a digest but none was given");
    }

    @Test
    void anExplicitPolicySelectsTagOnlyMarkers() {
        String input = "images:\n- name: ghcr.io/acme/worker\n  newTag: 0.9.1 # {\"$imagepolicy\": \"flux-system:worker:tag\"}\r\n";
        SettersUpdater explicit = new SettersUpdater(Optional.of("flux-system:worker"), YamlLimits.DEFAULT);
        assertThat(apply(explicit, input, "0.9.2", DIGEST)).isEqualTo(input.replace("0.9.1", "0.9.2"));
        assertThatThrownBy(() -> apply(INFERRED, input, "0.9.2", null))
                .isInstanceOf(YamlEditException.class)
                .hasMessageContaining("no Flux image policy marker for ghcr.io/acme/worker")
                .hasMessageContaining("markers found for: flux-system:worker");
    }

    @Test
    void refusesMalformedMarkers() {
        assertThatThrownBy(() -> apply(INFERRED, "image: x:1 # {\"$imagepolicy\": \"worker\"}\n", "2", null))
                .isInstanceOf(YamlEditException.class).hasMessageContaining(":1: malformed $imagepolicy marker");
        assertThatThrownBy(() -> apply(INFERRED, "image: x:1 # {\"$imagepolicy\": flux}\n", "2", null))
                .isInstanceOf(YamlEditException.class).hasMessageContaining("must be JSON");
    }

    @Test
    void readsVersionsOfBothMarkerForms() {
        String input = "a: ghcr.io/acme/worker:1.0 # {\"$imagepolicy\": \"ns:w\"}\n"
                + "b: ghcr.io/acme/worker # {\"$imagepolicy\": \"ns:v:name\"}\n"
                + "c: '1.1' # {\"$imagepolicy\": \"ns:v:tag\"}\n";
        assertThat(INFERRED.read("f.yaml", input.getBytes(StandardCharsets.UTF_8), ImageReference.parseName("ghcr.io/acme/worker")))
                .extracting(ImageVersion::describe).containsExactly("1.0", "1.1");
    }
}
