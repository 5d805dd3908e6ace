package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.update.HelmValuesUpdater;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.KustomizeImagesUpdater;
import io.jenkins.plugins.gitopspromotion.update.ManifestsUpdater;
import io.jenkins.plugins.gitopspromotion.update.SettersUpdater;
import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionConfigTest {

    private static final ImageReference WEB = ImageReference.parseName("ghcr.io/acme/web");

    private static App app(String name, String image, UpdateKind kind, String path, String file) {
        return new App(name, ImageReference.parseName(image), kind, Optional.ofNullable(path).map(PathTemplate::parse),
                Optional.ofNullable(file).map(PathTemplate::parse), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void targetUsesTheEnvironmentPathAndTheKindsDefaultFile() {
        Environment dev = Environment.of("dev", PathTemplate.parse("apps/{app}/overlays/{env}"));
        PromotionConfig config = new PromotionConfig("c.yaml", List.of(dev), List.of(App.of("web", WEB)));

        Target target = config.target(config.app("web").orElseThrow(), dev);

        assertThat(target).isEqualTo(new Target("apps/web/overlays/dev", Optional.of("kustomization.yaml"),
                UpdateKind.KUSTOMIZE));
        assertThat(target.filePath()).contains("apps/web/overlays/dev/kustomization.yaml");
        assertThat(target).hasToString("apps/web/overlays/dev/kustomization.yaml (kustomize)");
    }

    @Test
    void targetPrefersTheAppsPathAndFile() {
        Environment prod = Environment.of("prod", PathTemplate.parse("apps/{app}/overlays/{env}"));
        App api = app("api", "ghcr.io/acme/api", UpdateKind.HELM_VALUES, "charts/{app}", "envs/values-{env}.yaml");
        PromotionConfig config = new PromotionConfig("c.yaml", List.of(prod), List.of(api));

        assertThat(config.target(api, prod)).isEqualTo(new Target("charts/api", Optional.of("envs/values-prod.yaml"),
                UpdateKind.HELM_VALUES));
    }

    @Test
    void targetOfManifestsWithoutFileMeansEveryYamlFile() {
        Environment prod = Environment.of("prod", PathTemplate.parse("{env}/{app}"));
        App worker = app("worker", "ghcr.io/acme/worker", UpdateKind.MANIFESTS, null, null);
        PromotionConfig config = new PromotionConfig("c.yaml", List.of(prod), List.of(worker));

        Target target = config.target(worker, prod);

        assertThat(target).isEqualTo(new Target("prod/worker", Optional.empty(), UpdateKind.MANIFESTS));
        assertThat(target.filePath()).isEmpty();
        assertThat(target).hasToString("prod/worker/*.yaml (manifests)");
    }

    @Test
    void targetWithoutAnyPathNamesAppAndEnvironment() {
        Environment dev = Environment.of("dev", null);
        PromotionConfig config = new PromotionConfig("c.yaml", List.of(dev), List.of(App.of("web", WEB)));

        assertThatThrownBy(() -> config.target(config.apps().get(0), dev))
                .isInstanceOf(ConfigException.class)
                .hasMessage("c.yaml: app web has no path in environment dev: give the app a path, or the environment"
                        + " a path");
    }

    @Test
    void appForImageIgnoresTagAndDigestAndNormalizes() {
        App nginx = app("proxy", "nginx", UpdateKind.MANIFESTS, "p/{env}", null);
        PromotionConfig config = new PromotionConfig("c.yaml", List.of(Environment.of("dev", PathTemplate.parse("d"))),
                List.of(App.of("web", WEB), nginx));

        assertThat(config.appForImage(ImageReference.parse("ghcr.io/acme/web:1.2.3"))).map(App::name).contains("web");
        assertThat(config.appForImage(ImageReference.parse("docker.io/library/nginx:1.27"))).contains(nginx);
        assertThat(config.appForImage(ImageReference.parse("ghcr.io/acme/other"))).isEmpty();
    }

    @Test
    void appForImageRefusesToChooseBetweenAppsSharingAnImage() {
        PromotionConfig config = new PromotionConfig("c.yaml", List.of(Environment.of("dev", PathTemplate.parse("d/{app}"))),
                List.of(App.of("web", WEB), App.of("web-canary", WEB)));

        assertThatThrownBy(() -> config.appForImage(ImageReference.parse("ghcr.io/acme/web:2")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("c.yaml: apps: apps web, web-canary all use the image ghcr.io/acme/web; name the app instead"
                        + " of the image");
    }

    @Test
    void lookupsByName() {
        PromotionConfig config = new PromotionConfig(PromotionConfig.DISCOVERED,
                List.of(Environment.of("dev", PathTemplate.parse("d/{app}"))), List.of(App.of("web", WEB)));
        assertThat(config.environment("dev")).isPresent();
        assertThat(config.environment("prod")).isEmpty();
        assertThat(config.app("web")).isPresent();
        assertThat(config.app("api")).isEmpty();
        assertThat(config.source()).isEqualTo("discovered by convention");
    }

    @Test
    void constructorGuardsConfigsBuiltInCode() {
        Environment dev = Environment.of("dev", PathTemplate.parse("d"));
        assertThatThrownBy(() -> new PromotionConfig("c", List.of(), List.of()))
                .hasMessage("a promotion config needs at least one environment");
        assertThatThrownBy(() -> new PromotionConfig("c", List.of(dev, dev), List.of()))
                .hasMessage("environment dev is declared twice");
        Environment prod = new Environment("prod", Optional.empty(), PromotionMode.COMMIT, Optional.of("staging"),
                List.of(), List.of(), false, false, false);
        assertThatThrownBy(() -> new PromotionConfig("c", List.of(dev, prod), List.of()))
                .hasMessage("environment prod requires staging, which is not an earlier environment");
        assertThatThrownBy(() -> new PromotionConfig("c", List.of(dev), List.of(App.of("web", WEB), App.of("web", WEB))))
                .hasMessageStartingWith("an app is declared twice");
    }

    @Test
    void updaterMatchesTheKind() {
        assertThat(App.of("web", WEB).updater(YamlLimits.DEFAULT)).isInstanceOf(KustomizeImagesUpdater.class);
        assertThat(app("w", "x/w", UpdateKind.MANIFESTS, "p", null).updater(YamlLimits.DEFAULT))
                .isInstanceOf(ManifestsUpdater.class);
        assertThat(new App("w", WEB, UpdateKind.SETTERS, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("flux-system:web")).updater(YamlLimits.DEFAULT))
                .isInstanceOf(SettersUpdater.class);
        assertThat(app("w", "x/w", UpdateKind.HELM_VALUES, "p", null).updater(YamlLimits.DEFAULT))
                .isInstanceOf(HelmValuesUpdater.class);
    }

    @Test
    void helmUpdaterUsesTheDefaultOrTheConfiguredTagPath() {
        byte[] values = "image:\n  repository: ghcr.io/acme/web\n  tag: '1.0'\napp:\n  version: '1.0'\n"
                .getBytes(StandardCharsets.UTF_8);
        ImageUpdate update = ImageUpdate.of("ghcr.io/acme/web", "2.0", null);
        App byDefault = new App("web", WEB, UpdateKind.HELM_VALUES, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        App custom = new App("web", WEB, UpdateKind.HELM_VALUES, Optional.empty(), Optional.empty(),
                Optional.of(YamlPath.parse("app.version")), Optional.empty(), Optional.empty());

        assertThat(new String(byDefault.updater(YamlLimits.DEFAULT).apply("values.yaml", values, update).after(),
                StandardCharsets.UTF_8)).contains("tag: '2.0'").contains("version: '1.0'");
        assertThat(new String(custom.updater(YamlLimits.DEFAULT).apply("values.yaml", values, update).after(),
                StandardCharsets.UTF_8)).contains("tag: '1.0'").contains("version: '2.0'");
    }

    @Test
    void appRefusesOptionsItsKindDoesNotUse() {
        assertThatThrownBy(() -> new App("web", WEB, UpdateKind.KUSTOMIZE, Optional.empty(), Optional.empty(),
                Optional.of(YamlPath.parse("image.tag")), Optional.empty(), Optional.empty()))
                .hasMessage("app web: tagPath and digestPath are for update: helm-values only");
        assertThatThrownBy(() -> new App("web", WEB, UpdateKind.MANIFESTS, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("flux-system:web")))
                .hasMessage("app web: policy is for update: setters only");
        assertThatThrownBy(() -> App.of("web", ImageReference.parse("ghcr.io/acme/web:1")))
                .hasMessage("app web: the image must be a name without tag or digest, not 'ghcr.io/acme/web:1'");
        assertThatThrownBy(() -> App.of("Web", WEB)).hasMessageStartingWith("app 'Web' is not a valid name");
        assertThatThrownBy(() -> Environment.of("prod/eu", null))
                .hasMessageStartingWith("environment 'prod/eu' is not a valid name");
    }
}
