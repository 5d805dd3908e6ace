package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.update.UpdateKind;
import io.jenkins.plugins.gitopspromotion.yaml.YamlPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String FILE = ConfigLoader.CONFIG_PATH;

    private static PromotionConfig parse(String yaml) {
        return ConfigLoader.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static ConfigException fails(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
        assertThat(e).as("expected a ConfigException for:%n%s", yaml).isNotNull();
        return e;
    }

    private static byte[] designExample() throws IOException {
        try (InputStream in = ConfigLoaderTest.class.getResourceAsStream("/config/design-example.yaml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void designExampleParsesIntoExactlyTheExpectedModel() throws IOException {
        PromotionConfig config = ConfigLoader.parse(FILE, designExample());

        assertThat(config.source()).isEqualTo(FILE);
        assertThat(config.environments()).containsExactly(
                new Environment("dev", Optional.of(PathTemplate.parse("apps/{app}/overlays/dev")), PromotionMode.COMMIT,
                        Optional.empty(), List.of(), List.of(), false, false, false),
                new Environment("staging", Optional.of(PathTemplate.parse("apps/{app}/overlays/staging")),
                        PromotionMode.PULL_REQUEST, Optional.of("dev"), List.of(), List.of(), false, false, false),
                new Environment("prod", Optional.of(PathTemplate.parse("apps/{app}/overlays/prod")),
                        PromotionMode.PULL_REQUEST, Optional.of("staging"), List.of("sre"), List.of("promotion"), false, false, false));
        assertThat(config.apps()).containsExactly(
                new App("web", ImageReference.parseName("ghcr.io/acme/web"), UpdateKind.KUSTOMIZE, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                new App("api", ImageReference.parseName("ghcr.io/acme/api"), UpdateKind.HELM_VALUES,
                        Optional.of(PathTemplate.parse("charts/api/{env}")), Optional.of(PathTemplate.parse("values.yaml")),
                        Optional.of(YamlPath.parse("image.tag")), Optional.empty(), Optional.empty()));
    }

    @Test
    void designExampleResolvesTargets() throws IOException {
        PromotionConfig config = ConfigLoader.parse(FILE, designExample());
        App web = config.app("web").orElseThrow();
        App api = config.app("api").orElseThrow();
        Environment prod = config.environment("prod").orElseThrow();

        assertThat(config.target(web, prod))
                .isEqualTo(new Target("apps/web/overlays/prod", Optional.of("kustomization.yaml"), UpdateKind.KUSTOMIZE));
        assertThat(config.target(api, config.environment("dev").orElseThrow()))
                .isEqualTo(new Target("charts/api/dev", Optional.of("values.yaml"), UpdateKind.HELM_VALUES));
        assertThat(config.appForImage(ImageReference.parse("ghcr.io/acme/api:1.2.3"))).contains(api);
    }

    @Test
    void loadReadsTheConfigFileFromTheTree(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".gitops"));
        Files.write(dir.resolve(FILE), designExample());
        // A layout that discovery would read differently must not matter when the file exists.
        Files.createDirectories(dir.resolve("qa/worker"));
        Files.writeString(dir.resolve("qa/worker/deploy.yaml"), "kind: Pod\nspec:\n  containers:\n  - image: x/y:1\n");

        PromotionConfig config = ConfigLoader.load(new DirectoryRepoTree(dir));

        assertThat(config.source()).isEqualTo(FILE);
        assertThat(config.environments()).extracting(Environment::name).containsExactly("dev", "staging", "prod");
    }

    @Test
    void loadRefusesAMisspeltConfigFileName(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".gitops"));
        Files.write(dir.resolve(".gitops/promotion.yml"), designExample());

        assertThatThrownBy(() -> ConfigLoader.load(new DirectoryRepoTree(dir)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitops/promotion.yml: the promotion config must be named .gitops/promotion.yaml;"
                        + " rename the file");
    }

    @Test
    void loadWithoutConfigOrLayoutSaysNothingWasFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), "hello\n");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(new DirectoryRepoTree(dir)));

        assertThat(e.getMessage()).startsWith("no .gitops/promotion.yaml in folder ")
                .contains("no known layout was found")
                .contains("nothing found; looked for <prefix>/<app>/overlays/<env>/kustomization.yaml");
        assertThat(e.file()).isNull();
    }

    @Test
    void loadWithAmbiguousLayoutListsTheAmbiguities(@TempDir Path dir) throws IOException {
        Path overlay = Files.createDirectories(dir.resolve("apps/web/overlays/dev"));
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources: [../../base]\n");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(new DirectoryRepoTree(dir)));

        assertThat(e.getMessage()).contains("the layout is ambiguous")
                .contains("Ambiguous:")
                .contains("kustomize app web in apps/{app}/overlays/{env}: no image found");
    }

    @Test
    void loadFallsBackToDiscovery(@TempDir Path dir) throws IOException {
        for (String env : List.of("prod", "dev")) {
            Path overlay = Files.createDirectories(dir.resolve("apps/web/overlays/" + env));
            Files.writeString(overlay.resolve("kustomization.yaml"),
                    "resources: [../../base]\nimages:\n- name: ghcr.io/acme/web\n  newTag: '1.0'\n");
        }

        PromotionConfig config = ConfigLoader.load(new DirectoryRepoTree(dir));

        assertThat(config.source()).isEqualTo(PromotionConfig.DISCOVERED);
        assertThat(config.environments()).extracting(Environment::name).containsExactly("dev", "prod");
        assertThat(config.apps()).extracting(App::name).containsExactly("web");
    }

    @Test
    void minimalConfigUsesDefaults() {
        PromotionConfig config = parse("""
                environments:
                  - name: dev
                    path: envs/dev/{app}
                """);

        Environment dev = config.environments().get(0);
        assertThat(dev.mode()).isEqualTo(PromotionMode.PULL_REQUEST);
        assertThat(dev.requires()).isEmpty();
        assertThat(dev.reviewers()).isEmpty();
        assertThat(dev.labels()).isEmpty();
        assertThat(config.apps()).isEmpty();
    }

    @Test
    void emptyAppsListIsAllowed() {
        assertThat(parse("environments: [{name: dev, path: d}]\napps: []\n").apps()).isEmpty();
        assertThat(parse("environments: [{name: dev, path: d}]\napps:\n").apps()).isEmpty();
    }

    @Test
    void appOptionsAreRead() {
        PromotionConfig config = parse("""
                environments:
                  - name: dev
                    path: clusters/dev
                  - name: prod
                    path: clusters/prod
                apps:
                  - name: chart
                    image: ghcr.io/acme/chart
                    update: helm-values
                    path: charts/chart
                    file: values-{env}.yaml
                    tagPath: app.image.tag
                    digestPath: app.image.digest
                  - name: worker
                    image: ghcr.io/acme/worker
                    update: setters
                    file: worker.yaml
                    policy: flux-system:worker
                  - name: plain
                    image: nginx
                    update: manifests
                """);

        App chart = config.app("chart").orElseThrow();
        assertThat(chart.tagPath()).contains(YamlPath.parse("app.image.tag"));
        assertThat(chart.digestPath()).contains(YamlPath.parse("app.image.digest"));
        assertThat(config.target(chart, config.environment("prod").orElseThrow()))
                .isEqualTo(new Target("charts/chart", Optional.of("values-prod.yaml"), UpdateKind.HELM_VALUES));
        App worker = config.app("worker").orElseThrow();
        assertThat(worker.policy()).contains("flux-system:worker");
        assertThat(config.target(worker, config.environment("dev").orElseThrow()))
                .isEqualTo(new Target("clusters/dev", Optional.of("worker.yaml"), UpdateKind.SETTERS));
        assertThat(config.target(config.app("plain").orElseThrow(), config.environment("dev").orElseThrow()))
                .isEqualTo(new Target("clusters/dev", Optional.empty(), UpdateKind.MANIFESTS));
    }

    // ---- YAML problems

    @Test
    void invalidYamlNamesFileAndLine() {
        ConfigException e = fails("""
                environments:
                  - name: dev
                    path: [unclosed
                """);
        assertThat(e.getMessage()).startsWith(FILE + ":4: not valid YAML:");
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isNull();
    }

    @Test
    void duplicateKeysAreRefused() {
        ConfigException e = fails("""
                environments:
                  - name: dev
                    name: prod
                """);
        assertThat(e.getMessage()).startsWith(FILE + ":3: duplicate key 'name' (first at line 2)");
    }

    @Test
    void templateStartingWithABraceGetsAHint() {
        ConfigException e = fails("""
                environments:
                  - name: dev
                    path: {env}/{app}
                """);
        assertThat(e.getMessage()).startsWith(FILE + ":3: not valid YAML:")
                .endsWith("(a path template starting with '{' must be quoted, e.g. path: \"{env}/{app}\")");
        assertThat(parse("environments:\n  - name: dev\n    path: \"{env}/{app}\"\n").environments().get(0).path())
                .contains(PathTemplate.parse("{env}/{app}"));
    }

    @Test
    void emptyFileIsMissingEnvironments() {
        assertThat(fails("# nothing yet\n").getMessage())
                .isEqualTo(FILE + ": environments: missing: the file is empty; list the environments in promotion order");
    }

    @Test
    void severalDocumentsAreRefused() {
        assertThat(fails("environments: [{name: dev, path: d}]\n---\napps: []\n").getMessage())
                .startsWith(FILE + ":3: more than one YAML document");
    }

    @Test
    void rootMustBeAMapping() {
        assertThat(fails("- name: dev\n").getMessage())
                .isEqualTo(FILE + ":1: must be a mapping with the keys environments, apps, not a list");
    }

    // ---- keys and types

    @Test
    void unknownRootKeyListsTheAllowedOnes() {
        ConfigException e = fails("""
                version: 1
                environments:
                  - name: dev
                    path: d
                """);
        assertThat(e.getMessage()).isEqualTo(FILE + ":1: version: unknown key 'version'; allowed keys at the top:"
                + " environments, apps");
        assertThat(e.key()).isEqualTo("version");
    }

    @Test
    void unknownEnvironmentKeyListsTheAllowedOnes() {
        assertThat(fails("""
                environments:
                  - name: dev
                    path: d
                  - name: prod
                    path: p
                    require: dev
                """).getMessage()).isEqualTo(FILE + ":6: environments[1].require: unknown key 'require'; allowed keys"
                + " here: name, path, mode, requires, reviewers, labels, autoMerge, pinDigest, allowPlaintextSecrets,"
                + " deployments, staleAfter, gates");
    }

    @Test
    void unknownAppKeyListsTheAllowedOnes() {
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    tag_path: image.tag
                """).getMessage()).isEqualTo(FILE + ":5: apps[0].tag_path: unknown key 'tag_path'; allowed keys here:"
                + " name, image, otherNames, update, path, file, tagPath, digestPath, policy");
    }

    @Test
    void missingEnvironmentsIsRefused() {
        assertThat(fails("apps: []\n").getMessage()).startsWith(FILE + ":1: environments: missing: list the environments");
    }

    @Test
    void emptyEnvironmentsIsRefused() {
        assertThat(fails("environments: []\n").getMessage())
                .isEqualTo(FILE + ":1: environments: must list at least one environment");
        assertThat(fails("environments:\napps: []\n").getMessage())
                .isEqualTo(FILE + ":1: environments: must list at least one environment");
    }

    @Test
    void environmentsMustBeAList() {
        assertThat(fails("environments:\n  dev: {path: d}\n").getMessage())
                .isEqualTo(FILE + ":2: environments: must be a list of environments, not a mapping");
    }

    @Test
    void environmentMustBeAMapping() {
        assertThat(fails("environments:\n  - dev\n").getMessage())
                .isEqualTo(FILE + ":2: environments[0]: must be a mapping (name, path, mode, ...), not a single value");
    }

    @Test
    void missingEnvironmentNameIsRefused() {
        assertThat(fails("""
                environments:
                  - name: dev
                    path: d
                  - path: p
                """).getMessage()).isEqualTo(FILE + ":4: environments[1].name: missing: every environment needs a name");
    }

    @Test
    void reviewersMustBeAListOfStrings() {
        assertThat(fails("""
                environments:
                  - name: dev
                    path: d
                    reviewers: sre
                """).getMessage()).isEqualTo(FILE + ":4: environments[0].reviewers: must be a list of names"
                + " (e.g. [sre, platform]), not a single value");
        assertThat(fails("""
                environments:
                  - name: dev
                    path: d
                    reviewers:
                      - sre
                      - {team: platform}
                """).getMessage()).isEqualTo(FILE + ":6: environments[0].reviewers[1]: must be a name, not a mapping");
    }

    @Test
    void labelsMustBeAListOfStrings() {
        assertThat(fails("environments:\n  - name: dev\n    path: d\n    labels: [a, [b]]\n").getMessage())
                .isEqualTo(FILE + ":4: environments[0].labels[1]: must be a name, not a list");
    }

    @Test
    void autoMergeIsTrueOrFalse() {
        assertThat(ConfigLoader.parse(FILE, "environments:\n  - name: dev\n    path: d\n    autoMerge: true\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).environments().get(0).autoMerge()).isTrue();
        assertThat(fails("environments:\n  - name: dev\n    path: d\n    autoMerge: yes\n").getMessage())
                .isEqualTo(FILE + ":4: environments[0].autoMerge: must be true or false, not 'yes'");
    }

    @Test
    void scalarValuesMustBeSingleValues() {
        assertThat(fails("environments:\n  - name: [dev]\n    path: d\n").getMessage())
                .isEqualTo(FILE + ":2: environments[0].name: must be a single value, not a list");
    }

    @Test
    void missingAppNameAndImageAreRefused() {
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - image: ghcr.io/acme/web
                """).getMessage()).isEqualTo(FILE + ":3: apps[0].name: missing: every app needs a name");
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    update: manifests
                """).getMessage()).isEqualTo(FILE + ":3: apps[0].image: missing: every app needs its image's name,"
                + " e.g. ghcr.io/acme/web");
    }

    @Test
    void appsMustBeAList() {
        assertThat(fails("environments: [{name: dev, path: d}]\napps: web\n").getMessage())
                .isEqualTo(FILE + ":2: apps: must be a list of apps, not a single value");
    }

    // ---- values

    @Test
    void invalidNamesAreRefusedWithTheRule() {
        ConfigException e = fails("""
                environments:
                  - name: Dev
                    path: d
                """);
        assertThat(e.getMessage()).startsWith(FILE + ":2: environments[0].name: 'Dev' is not a valid name: names are"
                + " 1 to 63 lowercase letters").contains("gitops-promotion/<env>/<app>");
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web_
                    image: ghcr.io/acme/web
                """).getMessage()).startsWith(FILE + ":3: apps[0].name: 'web_' is not a valid name");
        assertThat(fails("environments: [{name: a..b, path: d}]\n").getMessage())
                .contains("'a..b' is not a valid name: it contains '..'");
        assertThat(fails("environments: [{name: x.lock, path: d}]\n").getMessage()).contains("ends with '.lock'");
    }

    @Test
    void duplicateEnvironmentNamesAreRefused() {
        assertThat(fails("""
                environments:
                  - name: dev
                    path: d
                  - name: prod
                    path: p
                  - name: dev
                    path: e
                """).getMessage()).isEqualTo(FILE + ":6: environments[2].name: environment dev is declared twice"
                + " (first at line 2)");
    }

    @Test
    void duplicateAppNamesAreRefused() {
        assertThat(fails("""
                environments: [{name: dev, path: "d/{app}"}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                  - name: web
                    image: ghcr.io/acme/web2
                """).getMessage()).isEqualTo(FILE + ":5: apps[1].name: app web is declared twice (first at line 3)");
    }

    @Test
    void invalidPathTemplatesAreRefused() {
        assertThat(fails("environments:\n  - name: dev\n    path: apps/{application}/dev\n").getMessage())
                .isEqualTo(FILE + ":3: environments[0].path: path 'apps/{application}/dev' has the unknown placeholder"
                        + " '{application}'; the placeholders are {app} and {env}");
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    file: ../secrets.yaml
                """).getMessage()).startsWith(FILE + ":5: apps[0].file: path '../secrets.yaml' has a '..' segment");
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    path: /etc/{app}
                """).getMessage()).startsWith(FILE + ":5: apps[0].path: path '/etc/{app}' is absolute");
    }

    @Test
    void invalidImageNamesAreRefused() {
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web:1.0
                """).getMessage()).startsWith(FILE + ":4: apps[0].image: image name 'ghcr.io/acme/web:1.0' has a tag");
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/Acme/web
                """).getMessage()).startsWith(FILE + ":4: apps[0].image: image name 'ghcr.io/Acme/web'");
    }

    @Test
    void otherNamesAreReadAndEachIsCheckedWithItsLine() {
        PromotionConfig config = parse("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    otherNames: [registry.acme.example/web, acme/web]
                """);
        assertThat(config.app("web").orElseThrow().otherNames()).extracting(ImageReference::name)
                .containsExactly("registry.acme.example/web", "acme/web");
        assertThat(config.appForImage(ImageReference.parse("docker.io/acme/web:2"))).map(App::name).contains("web");

        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    otherNames:
                      - registry.acme.example/web:2.0
                """).getMessage()).startsWith(FILE + ":6: apps[0].otherNames[0]: image name 'registry.acme.example/web:2.0' has a tag");
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: nginx
                    otherNames: [mirror.example/nginx, docker.io/library/nginx]
                """).getMessage()).isEqualTo(FILE + ":5: apps[0].otherNames[1]: 'docker.io/library/nginx' names the same"
                + " repository as the app's image 'nginx'; list each other name once, without the image itself");
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    otherNames: registry.acme.example/web
                """).getMessage()).startsWith(FILE + ":5: apps[0].otherNames: must be a list of image names");
    }

    @Test
    void unknownUpdateListsTheValidKinds() {
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    update: helm
                """).getMessage()).isEqualTo(FILE + ":5: apps[0].update: unknown update kind 'helm'; valid kinds:"
                + " kustomize, helm-values, manifests, setters");
    }

    @Test
    void unknownModeListsTheValidModes() {
        assertThat(fails("environments:\n  - name: dev\n    path: d\n    mode: direct\n").getMessage())
                .isEqualTo(FILE + ":4: environments[0].mode: unknown mode 'direct'; valid modes: commit, pull-request,"
                        + " branch");
    }

    @Test
    void tagPathAndDigestPathOnlyWithHelmValues() {
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    tagPath: image.tag
                """).getMessage()).isEqualTo(FILE + ":5: apps[0].tagPath: only allowed with update: helm-values"
                + " (this app uses update: kustomize, the default)");
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    digestPath: image.digest
                    update: manifests
                """).getMessage()).isEqualTo(FILE + ":5: apps[0].digestPath: only allowed with update: helm-values"
                + " (this app uses update: manifests)");
    }

    @Test
    void malformedValuePathIsRefused() {
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    update: helm-values
                    tagPath: image..tag
                """).getMessage()).startsWith(FILE + ":6: apps[0].tagPath: value path 'image..tag' is malformed");
    }

    @Test
    void policyOnlyWithSettersAndWellFormed() {
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    policy: flux-system:web
                """).getMessage()).isEqualTo(FILE + ":5: apps[0].policy: only allowed with update: setters"
                + " (this app uses update: kustomize, the default)");
        assertThat(fails("""
                environments: [{name: dev, path: d}]
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    update: setters
                    policy: web
                """).getMessage()).isEqualTo(FILE + ":6: apps[0].policy: policy 'web' is not namespace:name of a Flux"
                + " ImagePolicy (e.g. flux-system:web)");
    }

    // ---- requires

    @Test
    void requiresNamingNoEnvironmentIsRefused() {
        ConfigException e = fails("""
                environments:
                  - name: dev
                    path: d
                  - name: prod
                    path: p
                    mode: pull-request
                    requires: staging
                """);
        assertThat(e.getMessage()).isEqualTo(FILE + ":7: environments[1].requires: 'staging' is not an environment;"
                + " the environments are dev, prod");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.key()).isEqualTo("environments[1].requires");
    }

    @Test
    void requiresNamingALaterEnvironmentIsRefused() {
        assertThat(fails("""
                environments:
                  - name: dev
                    path: d
                    requires: prod
                  - name: prod
                    path: p
                """).getMessage()).isEqualTo(FILE + ":4: environments[0].requires: environment prod comes after dev in"
                + " the promotion order; requires must name an earlier environment (environments are listed in"
                + " promotion order: dev, prod)");
    }

    @Test
    void requiresNamingItselfIsRefused() {
        assertThat(fails("""
                environments:
                  - name: dev
                    path: d
                    requires: dev
                """).getMessage()).isEqualTo(FILE + ":4: environments[0].requires: environment dev cannot require"
                + " itself (dev -> dev)");
    }

    @Test
    void requiresCycleIsReported() {
        assertThat(fails("""
                environments:
                  - name: a
                    path: a
                    requires: b
                  - name: b
                    path: b
                    requires: a
                """).getMessage()).isEqualTo(FILE + ":4: environments[0].requires: requires form a cycle: a -> b -> a;"
                + " each environment must require an earlier one");
    }

    @Test
    void requiresMustBeOneName() {
        assertThat(fails("""
                environments:
                  - name: dev
                    path: d
                  - name: prod
                    path: p
                    requires: [dev]
                """).getMessage()).isEqualTo(FILE + ":6: environments[1].requires: must name one earlier environment,"
                + " not a list");
    }

    // ---- paths

    @Test
    void appWithoutPathNeedsEveryEnvironmentToHaveOne() {
        assertThat(fails("""
                environments:
                  - name: dev
                    path: apps/{app}/dev
                  - name: prod
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                """).getMessage()).isEqualTo(FILE + ":6: apps[0].path: missing: app web has no path, and environment"
                + " prod has none either; give the app a path or every environment one");
    }

    @Test
    void appsWithOwnPathsNeedNoEnvironmentPath() {
        PromotionConfig config = parse("""
                environments:
                  - name: dev
                  - name: prod
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                    path: deploy/{env}/{app}
                """);
        assertThat(config.target(config.apps().get(0), config.environments().get(1)).directory())
                .isEqualTo("deploy/prod/web");
    }

    @Test
    void twoEnvironmentsEditingTheSameFilesAreRefused() {
        assertThat(fails("""
                environments:
                  - name: dev
                  - name: prod
                apps:
                  - name: api
                    image: ghcr.io/acme/api
                    update: helm-values
                    path: charts/api
                """).getMessage()).isEqualTo(FILE + ":8: apps[0].path: app api would edit the same files"
                + " (charts/api/values.yaml) in environments dev and prod; put {env} in the path");
        assertThat(fails("""
                environments:
                  - name: dev
                    path: apps/{app}
                  - name: prod
                    path: apps/{app}/
                apps:
                  - name: web
                    image: ghcr.io/acme/web
                """).getMessage()).isEqualTo(FILE + ":5: environments[1].path: app web would edit the same files"
                + " (apps/web/kustomization.yaml) in environments dev and prod; put {env} in the path");
    }

    @Test
    void exceptionExposesItsParts() {
        ConfigException e = fails("environments:\n  - name: dev\n    path: d\n    mode: 1\n");
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isEqualTo("environments[0].mode");
        assertThat(e.problem()).isEqualTo("unknown mode '1'; valid modes: commit, pull-request, branch");
    }
}
