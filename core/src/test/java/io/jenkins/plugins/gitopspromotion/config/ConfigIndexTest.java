package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A config cut down to one app by its index parses to exactly that app, with every environment. */
class ConfigIndexTest {

    private static final String ENVIRONMENTS = """
            environments:   # in order
              - name: dev
                path: apps/{app}/dev
                mode: commit
              - name: prod
                path: apps/{app}/prod
                requires: dev
                reviewers: [sre]
            """;

    private static final String APPS = """
            apps:
              # the web front end
              - name: web
                image: ghcr.io/acme/web
                otherNames: [registry.acme.example/web]
              - name: api
                image: ghcr.io/acme/api
                update: helm-values
                file: values.yaml
                tagPath: image.tag
                digestPath: image.digest

              - name: worker
                image: docker.io/library/worker
                update: setters
                policy: flux-system:worker""";

    @ParameterizedTest
    @ValueSource(strings = {"environments first", "apps first", "crlf", "no final line break"})
    void everyCutParsesToItsAppAndEveryEnvironment(String layout) {
        String text = switch (layout) {
            case "environments first" -> ENVIRONMENTS + APPS + "\n";
            case "apps first" -> APPS + "\n" + ENVIRONMENTS;
            case "crlf" -> (ENVIRONMENTS + APPS + "\n").replace("\n", "\r\n");
            default -> ENVIRONMENTS + APPS;
        };
        ConfigLoader.Indexed indexed = ConfigLoader.parseIndexed(ConfigLoader.CONFIG_PATH, text.getBytes(StandardCharsets.UTF_8));
        ConfigIndex index = ConfigIndex.read(indexed.index().orElseThrow().write()).orElseThrow();
        for (App app : indexed.config().apps()) {
            PromotionConfig cut = ConfigLoader.parse(ConfigLoader.CONFIG_PATH,
                    index.onlyApp(text, app.name()).orElseThrow().getBytes(StandardCharsets.UTF_8));
            assertThat(cut.apps()).containsExactly(app);
            assertThat(cut.environments()).isEqualTo(indexed.config().environments());
        }
        PromotionConfig byImage = ConfigLoader.parse(ConfigLoader.CONFIG_PATH,
                index.onlyImage(text, ImageReference.parseName("worker")).orElseThrow().getBytes(StandardCharsets.UTF_8));
        assertThat(byImage.apps()).extracting(App::name).containsExactly("worker");
        PromotionConfig byOtherName = ConfigLoader.parse(ConfigLoader.CONFIG_PATH, index.onlyImage(text,
                ImageReference.parseName("registry.acme.example/web")).orElseThrow().getBytes(StandardCharsets.UTF_8));
        assertThat(byOtherName.apps()).extracting(App::name).containsExactly("web");
        assertThat(index.onlyApp(text, "nope")).isEmpty();
    }

    @Test
    void whatTheIndexCannotCutIsLeftToAWholeParse() {
        String shared = ENVIRONMENTS + """
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                  - name: web-canary
                    image: ghcr.io/acme/web
                """;
        ConfigIndex index = ConfigLoader.parseIndexed(ConfigLoader.CONFIG_PATH, shared.getBytes(StandardCharsets.UTF_8))
                .index().orElseThrow();
        assertThat(index.onlyImage(shared, ImageReference.parseName("ghcr.io/acme/web"))).as("two apps share it").isEmpty();

        String flow = ENVIRONMENTS + "apps: [{name: web, image: ghcr.io/acme/web}]\n";
        assertThat(ConfigLoader.parseIndexed(ConfigLoader.CONFIG_PATH, flow.getBytes(StandardCharsets.UTF_8)).index()).isEmpty();
        String dashAlone = ENVIRONMENTS + "apps:\n  -\n    name: web\n    image: ghcr.io/acme/web\n";
        assertThat(ConfigLoader.parseIndexed(ConfigLoader.CONFIG_PATH, dashAlone.getBytes(StandardCharsets.UTF_8)).index()).isEmpty();

        assertThat(ConfigIndex.read("something else\n1\t2\n")).isEmpty();
        assertThat(ConfigIndex.read(index.write().replace("config index 2", "config index 1"))).as("an index without other names")
                .isEmpty();
        assertThat(ConfigIndex.read(index.write().replace("\t0\t", "\tx\t").substring(0, 60))).isEqualTo(Optional.empty());
        assertThat(List.of(index.write().split("\n"))).hasSize(4);
    }
}
