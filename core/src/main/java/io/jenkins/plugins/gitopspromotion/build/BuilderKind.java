package io.jenkins.plugins.gitopspromotion.build;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The builders an image can be built with. */
public enum BuilderKind {
    /** {@code buildah build} and {@code buildah push}: daemonless, rootless-capable. */
    BUILDAH,
    /** {@code podman build} and {@code podman push}. */
    PODMAN,
    /** {@code docker buildx build}. */
    DOCKER,
    /** kaniko's {@code executor}, inside its image. */
    KANIKO,
    /** Jib core, in this JVM: no daemon, no Containerfile. */
    JIB;

    /**
     * The builder for this kind.
     *
     * @param runner starts the builder's programs
     * @param scratch where a build's private files go, where the programs see them
     */
    public ImageBuilder builder(ProcessRunner runner, ScratchSpace scratch, ContainerStorage storage) {
        return switch (this) {
            case BUILDAH -> new CommandImageBuilder(ContainersDriver.buildah(storage), runner, scratch);
            case PODMAN -> new CommandImageBuilder(ContainersDriver.podman(storage), runner, scratch);
            case DOCKER -> new CommandImageBuilder(new DockerBuildxDriver(), runner, scratch);
            case KANIKO -> new CommandImageBuilder(new KanikoDriver(), runner, scratch);
            case JIB -> new JibImageBuilder();
        };
    }

    /**
     * The builder of a name, as {@link #toString()} gives it (any case).
     *
     * @throws IllegalArgumentException naming the builders there are
     */
    public static BuilderKind parse(String name) {
        for (BuilderKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a builder; choose one of "
                + Arrays.stream(values()).map(BuilderKind::toString).collect(Collectors.joining(", ")));
    }

    /** The lower-case name, as the command line takes it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
