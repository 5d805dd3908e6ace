package io.jenkins.plugins.gitopspromotion.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object of a GitOps agent that deploys an environment, as listed under an environment's {@code deployments:}: a
 * Flux {@code Kustomization} or an Argo CD {@code Application}. Its name may use {@code {app}}: one object per app;
 * a name without it deploys every app of the environment (one Kustomization per environment is common).
 *
 * @param agent the agent and the kind of its object
 * @param name the object's name, a template that may use {@code {app}}
 * @param namespace the object's namespace, or empty for any
 */
public record DeploymentObject(Agent agent, String name, Optional<String> namespace) {

    /** The agents whose objects deploy an environment, and the kind of object each reports about. */
    public enum Agent {
        /** Flux: a {@code Kustomization} of kustomize-controller. */
        FLUX("flux", "Kustomization", List.of("kustomization", "namespace")),
        /** Argo CD: an {@code Application}. */
        ARGOCD("argocd", "Application", List.of("application"));

        private final String configName;
        private final String kind;
        private final List<String> keys;

        Agent(String configName, String kind, List<String> keys) {
            this.configName = configName;
            this.kind = kind;
            this.keys = keys;
        }

        /** The keys its entry takes, the object's name first. */
        public List<String> keys() {
            return keys;
        }

        /** The key under {@code deployments:} ({@code flux}, {@code argocd}). */
        public String configName() {
            return configName;
        }

        /** The kind of object it reports about. */
        public String kind() {
            return kind;
        }

        /** The agent with this key. */
        public static Optional<Agent> fromConfigName(String name) {
            return List.of(values()).stream().filter(a -> a.configName.equals(name)).findFirst();
        }
    }

    /** What the name template may hold around {@code {app}}: the characters of a Kubernetes object name. */
    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9.-]*(\\{app\\}[a-z0-9.-]*)?");

    /** A Kubernetes object name (DNS-1123 subdomain), for an expanded name. */
    private static final Pattern OBJECT_NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

    /** A namespace (DNS-1123 label). */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the name template or the namespace cannot name a Kubernetes object
     */
    public DeploymentObject {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(namespace, "namespace");
        String problem = nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        namespace.map(DeploymentObject::namespaceProblem).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** Why a namespace is not one, or null. */
    static String namespaceProblem(String namespace) {
        return NAMESPACE.matcher(namespace).matches() ? null
                : Names.quote(namespace) + " is not a namespace: at most 63 lowercase letters, digits and '-', starting and"
                        + " ending with a letter or digit";
    }

    /** Why a name template cannot name an object, or null. */
    static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "the name must not be empty";
        }
        String sample = name.replace(PathTemplate.APP, "a");
        if (!TEMPLATE.matcher(name).matches() || !OBJECT_NAME.matcher(sample).matches()) {
            return Names.quote(name) + " is not a Kubernetes object name: lowercase letters, digits, '.' and '-',"
                    + " starting and ending with a letter or digit, with {app} at most once";
        }
        return null;
    }

    /** Whether the object deploys one app ({@code {app}} in its name) rather than the whole environment. */
    public boolean perApp() {
        return name.contains(PathTemplate.APP);
    }

    /** The object's name for an app. */
    public String nameFor(String app) {
        return name.replace(PathTemplate.APP, app);
    }

    /**
     * Which apps a report about an object covers, if it is this one.
     *
     * @param kind the reported object's kind ({@code Kustomization}, {@code Application})
     * @param reportedName its name
     * @param reportedNamespace its namespace, or null when the report does not say (a commit status)
     * @param apps the config's apps
     * @return the apps it deploys: one, all of {@code apps}, or none when the report is about another object
     */
    public List<String> appsOf(String kind, String reportedName, String reportedNamespace, List<String> apps) {
        if (!agent.kind.equals(kind) || reportedName == null
                || namespace.isPresent() && reportedNamespace != null && !namespace.get().equals(reportedNamespace)) {
            return List.of();
        }
        if (!perApp()) {
            return name.equals(reportedName) ? apps : List.of();
        }
        int at = name.indexOf(PathTemplate.APP);
        Matcher m = Pattern.compile(Pattern.quote(name.substring(0, at)) + "(.+)"
                + Pattern.quote(name.substring(at + PathTemplate.APP.length()))).matcher(reportedName);
        return m.matches() && apps.contains(m.group(1)) ? List.of(m.group(1)) : List.of();
    }

    /** As written in the config, e.g. {@code flux Kustomization flux-system/apps-{app}}. */
    @Override
    public String toString() {
        return agent.configName + " " + agent.kind + " " + namespace.map(n -> n + "/").orElse("") + name;
    }
}
