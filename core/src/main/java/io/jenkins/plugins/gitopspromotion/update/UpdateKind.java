package io.jenkins.plugins.gitopspromotion.update;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How an app's image is written in its environment's files, as named by {@code update:} in the config. */
public enum UpdateKind {
    /** The {@code images:} list of a {@code kustomization.yaml}. */
    KUSTOMIZE("kustomize", "kustomization.yaml"),
    /** A value at a dotted path of a Helm values file. */
    HELM_VALUES("helm-values", "values.yaml"),
    /** The {@code image:} of containers in workload manifests. */
    MANIFESTS("manifests", null),
    /** Lines marked for Flux image automation with {@code # {"$imagepolicy": "ns:name"}}. */
    SETTERS("setters", null);

    private final String configName;
    private final String defaultFile;

    UpdateKind(String configName, String defaultFile) {
        this.configName = configName;
        this.defaultFile = defaultFile;
    }

    /** The name used in {@code .gitops/promotion.yaml}. */
    public String configName() {
        return configName;
    }

    /** The file edited when the config names none; empty for kinds that edit every YAML file of the path. */
    public Optional<String> defaultFile() {
        return Optional.ofNullable(defaultFile);
    }

    /** The kind with this config name. */
    public static Optional<UpdateKind> fromConfigName(String name) {
        return Arrays.stream(values()).filter(k -> k.configName.equals(name)).findFirst();
    }

    /** All config names, for messages. */
    public static String configNames() {
        return Arrays.stream(values()).map(UpdateKind::configName).collect(Collectors.joining(", "));
    }
}
