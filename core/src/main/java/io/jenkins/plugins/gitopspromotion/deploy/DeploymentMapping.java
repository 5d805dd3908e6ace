package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.DeploymentObject;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cells a report is about, by the config's {@code deployments:}: an object whose name has {@code {app}} deploys
 * that app, one without deploys every app of its environment. A report that names its environment (a Flux Alert's
 * {@code eventMetadata.env}, the Argo CD template's {@code env}, a generic report) is mapped in that environment only:
 * that is how two clusters' objects of the same name ({@code flux-system/apps} in each) are told apart.
 */
public final class DeploymentMapping {

    private final PromotionConfig config;
    private final List<String> apps;

    /** @param config the config whose environments list the objects */
    public DeploymentMapping(PromotionConfig config) {
        this.config = config;
        this.apps = config.apps().stream().map(App::name).toList();
    }

    /**
     * The cells of a report, or why it has none.
     *
     * @param cells the cells, in the config's order
     * @param reason why there are none, or null
     */
    public record Mapped(List<CellRef> cells, String reason) {
    }

    /** The cells a report is about. */
    public Mapped map(DeploymentReport report) {
        if (report.source() == ReportSource.GENERIC) {
            if (config.environment(report.env()).isEmpty() || config.app(report.app()).isEmpty()) {
                return new Mapped(List.of(), "the config has no app " + report.app() + " in an environment " + report.env());
            }
            return new Mapped(List.of(new CellRef(report.env(), report.app())), null);
        }
        if (report.env() != null && config.environment(report.env()).isEmpty()) {
            return new Mapped(List.of(), "the report names the environment " + report.env() + ", which the config does not have");
        }
        Set<CellRef> cells = new LinkedHashSet<>();
        Set<String> environments = new LinkedHashSet<>();
        for (Environment environment : config.environments()) {
            if (report.env() != null && !report.env().equals(environment.name())) {
                continue;
            }
            for (DeploymentObject object : environment.deployments()) {
                for (String app : object.appsOf(report.kind(), report.name(), report.namespace(), apps)) {
                    cells.add(new CellRef(environment.name(), app));
                    environments.add(environment.name());
                }
            }
        }
        if (environments.size() > 1) {
            return new Mapped(List.of(), report.object() + " deploys " + String.join(" and ", environments)
                    + " by the config's deployments; name the environment in the report (a Flux Alert's eventMetadata.env,"
                    + " the Argo CD template's env)");
        }
        if (cells.isEmpty()) {
            return new Mapped(List.of(), "no environment of " + config.source() + " lists " + report.object()
                    + " under deployments");
        }
        return new Mapped(new ArrayList<>(cells), null);
    }

    /** Whether any environment lists objects under {@code deployments:}. */
    public boolean declared() {
        return config.environments().stream().anyMatch(e -> !e.deployments().isEmpty());
    }

    /** The config mapped through. */
    public PromotionConfig config() {
        return config;
    }
}
