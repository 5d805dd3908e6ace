package io.jenkins.plugins.gitopspromotion.config;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The promotion config of a config repository: its environments in promotion order and its apps, read from
 * {@code .gitops/promotion.yaml} by {@link ConfigLoader} or worked out by {@link ConventionDiscovery}.
 * Immutable.
 */
public final class PromotionConfig {

    /** The {@link #source()} of a config worked out from the repository's layout. */
    public static final String DISCOVERED = "discovered by convention";

    private final String source;
    private final List<Environment> environments;
    private final List<App> apps;

    /**
     * @param source the config file's path, or {@link #DISCOVERED}
     * @param environments the environments in promotion order, at least one
     * @param apps the apps, possibly none
     * @throws IllegalArgumentException if there is no environment, a name is used twice, or a {@code requires}
     *     does not name an earlier environment
     */
    public PromotionConfig(String source, List<Environment> environments, List<App> apps) {
        this.source = Objects.requireNonNull(source, "source");
        this.environments = List.copyOf(environments);
        this.apps = List.copyOf(apps);
        if (this.environments.isEmpty()) {
            throw new IllegalArgumentException("a promotion config needs at least one environment");
        }
        // The loader reports these with file and line; this guards configs built in code.
        Map<String, Integer> order = new HashMap<>();
        for (Environment e : this.environments) {
            e.requires().ifPresent(r -> {
                if (!order.containsKey(r)) {
                    throw new IllegalArgumentException("environment " + e.name() + " requires " + r
                            + ", which is not an earlier environment");
                }
            });
            if (order.putIfAbsent(e.name(), order.size()) != null) {
                throw new IllegalArgumentException("environment " + e.name() + " is declared twice");
            }
        }
        if (this.apps.stream().map(App::name).distinct().count() != this.apps.size()) {
            throw new IllegalArgumentException("an app is declared twice: "
                    + this.apps.stream().map(App::name).collect(Collectors.joining(", ")));
        }
    }

    /** The config file's path, or {@link #DISCOVERED}. */
    public String source() {
        return source;
    }

    /** The environments, in promotion order. */
    public List<Environment> environments() {
        return environments;
    }

    /** The apps, in the order declared. */
    public List<App> apps() {
        return apps;
    }

    /**
     * The environment a version comes through before {@code environment}: its {@code requires}, else the one before it
     * in the promotion order; empty for the first one.
     */
    public Optional<Environment> upstreamOf(Environment environment) {
        if (environment.requires().isPresent()) {
            return environment(environment.requires().get());
        }
        int at = environments.indexOf(environment);
        return at > 0 ? Optional.of(environments.get(at - 1)) : Optional.empty();
    }

    /** The environment with this name. */
    public Optional<Environment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The app with this name. */
    public Optional<App> app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /**
     * The app whose image, or one of its other names, names the same repository as {@code image} (tag and digest
     * are ignored).
     *
     * @throws ConfigException if several apps use that image: then only the app's name can tell them apart
     */
    public Optional<App> appForImage(ImageReference image) {
        List<App> found = apps.stream().filter(a -> a.names().names(image)).toList();
        if (found.size() > 1) {
            throw new ConfigException(file(), 0, "apps", "apps "
                    + found.stream().map(App::name).collect(Collectors.joining(", ")) + " all use the image "
                    + image.name() + "; name the app instead of the image");
        }
        return found.stream().findFirst();
    }

    /**
     * Where and how the app's image is written in the environment: the app's path, else the environment's,
     * and the app's file, else the update kind's default file.
     *
     * @throws ConfigException if neither the app nor the environment has a path
     */
    public Target target(App app, Environment environment) {
        PathTemplate path = app.path().or(environment::path).orElseThrow(() -> new ConfigException(file(), 0, null,
                "app " + app.name() + " has no path in environment " + environment.name()
                        + ": give the app a path, or the environment a path"));
        Optional<String> file = app.file().map(f -> f.expand(app.name(), environment.name()))
                .or(() -> app.update().defaultFile());
        return new Target(path.expand(app.name(), environment.name()), file, app.update());
    }

    private String file() {
        return DISCOVERED.equals(source) ? null : source;
    }

    @Override
    public String toString() {
        return "PromotionConfig[" + source + ": environments "
                + environments.stream().map(Environment::name).collect(Collectors.joining(", ")) + "; apps "
                + apps.stream().map(App::name).collect(Collectors.joining(", ")) + "]";
    }
}
