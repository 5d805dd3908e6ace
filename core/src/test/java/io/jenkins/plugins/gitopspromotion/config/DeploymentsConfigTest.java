package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code deployments:} and {@code staleAfter} of an environment: what they declare, and how mistakes are named. */
class DeploymentsConfigTest {

    private static final String APPS = """
            apps:
              - name: web
                image: ghcr.io/acme/web
              - name: api
                image: ghcr.io/acme/api
            """;

    private static PromotionConfig parse(String environments) {
        return ConfigLoader.parse(ConfigLoader.CONFIG_PATH, (environments + APPS).getBytes(StandardCharsets.UTF_8));
    }

    /** An environment dev with a path, and {@code keys} (indented as its other keys) after them. */
    private static String dev(String keys) {
        return "environments:\n  - name: dev\n    path: apps/{app}/dev\n" + keys.indent(4);
    }

    private static ConfigException fails(String environments) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(environments));
        assertThat(e).as("expected a ConfigException for:%n%s", environments).isNotNull();
        return e;
    }

    @Test
    void fluxAndArgoCdObjectsAndStaleAfterAreRead() {
        PromotionConfig config = parse("""
                environments:
                  - name: dev
                    path: apps/{app}/dev
                    deployments:
                      - flux: {kustomization: apps, namespace: flux-system}
                  - name: prod
                    path: apps/{app}/prod
                    staleAfter: 1h30m
                    deployments:
                      - argocd: {application: "{app}-prod"}
                      - flux:
                          kustomization: prod-{app}
                """);

        Environment dev = config.environment("dev").orElseThrow();
        assertThat(dev.deployments()).containsExactly(
                new DeploymentObject(DeploymentObject.Agent.FLUX, "apps", Optional.of("flux-system")));
        assertThat(dev.staleAfter()).isEqualTo(Duration.ofMinutes(30));
        Environment prod = config.environment("prod").orElseThrow();
        assertThat(prod.staleAfter()).isEqualTo(Duration.ofMinutes(90));
        assertThat(prod.deployments()).extracting(DeploymentObject::toString)
                .containsExactly("argocd Application {app}-prod", "flux Kustomization prod-{app}");
    }

    @Test
    void anObjectWithoutAppCoversEveryAppAndOneWithAppOnlyItsOwn() {
        List<String> apps = List.of("web", "api");
        DeploymentObject whole = new DeploymentObject(DeploymentObject.Agent.FLUX, "apps", Optional.of("flux-system"));
        assertThat(whole.perApp()).isFalse();
        assertThat(whole.appsOf("Kustomization", "apps", "flux-system", apps)).containsExactly("web", "api");
        assertThat(whole.appsOf("Kustomization", "apps", null, apps)).as("a commit status names no namespace")
                .containsExactly("web", "api");
        assertThat(whole.appsOf("Kustomization", "apps", "other", apps)).isEmpty();
        assertThat(whole.appsOf("Application", "apps", "flux-system", apps)).isEmpty();
        assertThat(whole.appsOf("Kustomization", "infra", "flux-system", apps)).isEmpty();

        DeploymentObject perApp = new DeploymentObject(DeploymentObject.Agent.ARGOCD, "{app}-prod", Optional.empty());
        assertThat(perApp.perApp()).isTrue();
        assertThat(perApp.nameFor("web")).isEqualTo("web-prod");
        assertThat(perApp.appsOf("Application", "web-prod", "argocd", apps)).containsExactly("web");
        assertThat(perApp.appsOf("Application", "worker-prod", "argocd", apps)).as("no such app").isEmpty();
        assertThat(perApp.appsOf("Application", "web-prod-2", "argocd", apps)).isEmpty();
    }

    @Test
    void mistakesNameTheFileTheLineAndTheKey() {
        assertThat(fails(dev("""
                deployments:
                  - jenkins: {job: deploy}
                """)).getMessage()).isEqualTo(".gitops/promotion.yaml:5: environments[0].deployments[0].jenkins: unknown key"
                + " 'jenkins'; allowed keys here: flux, argocd");
        assertThat(fails(dev("""
                deployments:
                  - flux: {namespace: flux-system}
                """)).getMessage()).isEqualTo(".gitops/promotion.yaml:5: environments[0].deployments[0].flux.kustomization:"
                + " missing: the Kustomization's name, e.g. apps (the whole environment) or {app}-prod (one per app)");
        assertThat(fails(dev("""
                deployments:
                  - argocd: {application: "Web_{env}"}
                """)).getMessage()).startsWith(".gitops/promotion.yaml:5: environments[0].deployments[0].argocd.application:"
                + " 'Web_{env}' is not a Kubernetes object name");
        assertThat(fails(dev("""
                deployments:
                  - flux: {kustomization: apps, namespace: Flux_System}
                """)).getMessage()).startsWith(".gitops/promotion.yaml:5: environments[0].deployments[0].flux.namespace:"
                + " 'Flux_System' is not a namespace");
        assertThat(fails(dev("""
                deployments:
                  - argocd: {application: apps, namespace: argocd}
                """)).getMessage()).contains("environments[0].deployments[0].argocd.namespace: unknown key 'namespace'");
        assertThat(fails(dev("""
                deployments:
                  - flux: {kustomization: apps}
                  - flux: {kustomization: apps}
                """)).getMessage()).isEqualTo(".gitops/promotion.yaml:6: environments[0].deployments[1]: flux Kustomization apps"
                + " is listed twice (first at line 5)");
        assertThat(fails(dev("""
                deployments: apps
                """)).getMessage()).startsWith(".gitops/promotion.yaml:4: environments[0].deployments: must be a list of");
    }

    @Test
    void twoEnvironmentsMayListObjectsOfTheSameNameInTheirOwnClusters() {
        PromotionConfig config = parse("""
                environments:
                  - name: dev
                    path: apps/{app}/dev
                    deployments:
                      - flux: {kustomization: apps, namespace: flux-system}
                  - name: prod
                    path: apps/{app}/prod
                    deployments:
                      - flux: {kustomization: apps, namespace: flux-system}
                """);
        assertThat(config.environment("prod").orElseThrow().deployments())
                .isEqualTo(config.environment("dev").orElseThrow().deployments());
    }

    @Test
    void staleAfterIsADurationLongerThanZero() {
        assertThat(fails(dev("""
                staleAfter: 30 minutes
                """)).getMessage()).isEqualTo(".gitops/promotion.yaml:4: environments[0].staleAfter: must be a duration such as"
                + " 30m, 2h or 1h30m, not '30 minutes'");
        assertThat(fails(dev("""
                staleAfter: 0m
                """)).getMessage()).isEqualTo(".gitops/promotion.yaml:4: environments[0].staleAfter: must be longer than zero");
        assertThat(parse(dev("""
                staleAfter: 45s
                """)).environment("dev").orElseThrow().staleAfter()).isEqualTo(Duration.ofSeconds(45));
    }
}
