package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.promotion.AccessCredentials;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An image build as a front end receives it, in plain, serializable values: the Jenkins plugin fills one from step
 * parameters on the controller, {@linkplain #check() checks} it there, and {@linkplain #run runs} it on the agent
 * holding the workspace, where the context folder, the builder and the temporary auth file are.
 *
 * <p>Paths are relative to the workspace. The registry credential travels in memory and reaches the builder only
 * as a temporary auth file; {@link #toString()} never shows it.
 */
public final class BuildOrder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String image;
    private final List<String> tags;
    private final String builder;
    private String context = ".";
    private String file;
    private final LinkedHashMap<String, String> buildArgs = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> labels = new LinkedHashMap<>();
    private String platform;
    private boolean push;
    private boolean insecureRegistry;
    private AccessCredentials credentials = AccessCredentials.none();
    private final List<String> layers = new ArrayList<>();
    private String from;
    private String storageDriver;
    private String isolation;

    /**
     * @param image the image name, {@code [registry[:port]/]repository}, without tag
     * @param tags the tags, at least one
     * @param builder {@code buildah}, {@code podman}, {@code docker}, {@code kaniko} or {@code jib}
     */
    public BuildOrder(String image, List<String> tags, String builder) {
        this.image = image;
        this.tags = tags == null ? List.of() : List.copyOf(tags);
        this.builder = builder;
    }

    /** The build context folder, relative to the workspace (default {@code .}). */
    public BuildOrder context(String value) {
        this.context = value == null || value.isBlank() ? "." : value;
        return this;
    }

    /** The Containerfile/Dockerfile relative to the workspace; absent: the builder's default in the context. */
    public BuildOrder file(String value) {
        this.file = value == null || value.isBlank() ? null : value;
        return this;
    }

    /** A build argument; {@code KEY=VALUE}. */
    public BuildOrder buildArg(String keyValue) {
        String[] kv = split(keyValue, "build argument");
        buildArgs.put(kv[0], kv[1]);
        return this;
    }

    /** A label; {@code KEY=VALUE}; wins over the standard OCI labels. */
    public BuildOrder label(String keyValue) {
        String[] kv = split(keyValue, "label");
        labels.put(kv[0], kv[1]);
        return this;
    }

    /** The target platform, such as {@code linux/amd64}. */
    public BuildOrder platform(String value) {
        this.platform = value == null || value.isBlank() ? null : value;
        return this;
    }

    /** Push to the registry; the digest is known only then. */
    public BuildOrder push(boolean value) {
        this.push = value;
        return this;
    }

    /** The registry may be plain HTTP or have a certificate that is not trusted. */
    public BuildOrder insecureRegistry(boolean value) {
        this.insecureRegistry = value;
        return this;
    }

    /** The registry login: a password credential (user name and password or token). */
    public BuildOrder credentials(AccessCredentials value) {
        this.credentials = value == null ? AccessCredentials.none() : value;
        return this;
    }

    /** Jib: a folder or file relative to the context, put at a path in the image ({@code SRC:DEST}). */
    public BuildOrder layer(String value) {
        Layer.parse(value);
        layers.add(value);
        return this;
    }

    /** Jib: the base image, or {@code scratch}. */
    public BuildOrder from(String value) {
        this.from = value == null || value.isBlank() ? null : value;
        return this;
    }

    /** buildah and podman: the storage driver (e.g. {@code vfs}) and how {@code RUN} steps are isolated. */
    public BuildOrder storage(String driver, String isolationKind) {
        this.storageDriver = driver == null || driver.isBlank() ? null : driver;
        this.isolation = isolationKind == null || isolationKind.isBlank() ? null : isolationKind;
        return this;
    }

    /**
     * Checks every input without building, so that a mistake is reported before work starts.
     *
     * @throws IllegalArgumentException naming the input that is wrong
     */
    public BuildOrder check() {
        request(Path.of("."), Map.of(), Instant.EPOCH);
        if (!credentials.isNone() && credentials.registryCredential().isEmpty()) {
            throw new IllegalArgumentException("registry credentials must be a user name with a password or token");
        }
        return this;
    }

    /**
     * Builds (and pushes) in {@code workspace}.
     *
     * @param environment the build's environment: {@code GIT_URL}, {@code GIT_COMMIT} and {@code SOURCE_DATE_EPOCH}
     *     for the standard OCI labels
     * @param runner runs the builder's programs
     * @param scratch where the build's private files go (registry login, digest file), where the programs see them
     * @param log receives the builder's output, line by line
     * @throws BuildException if the builder is missing, the build fails or the registry refuses the push
     * @throws IOException if temporary files cannot be written or the digest file read
     * @throws InterruptedException if interrupted
     */
    public BuildResult run(Path workspace, Map<String, String> environment, ProcessRunner runner, ScratchSpace scratch,
            Consumer<String> log) throws BuildException, IOException, InterruptedException {
        BuildRequest request = request(workspace, environment, Instant.now());
        return kind().builder(runner, scratch, new ContainerStorage(null, null, storageDriver, isolation)).build(request, log);
    }

    /**
     * The builder this order names.
     *
     * @throws IllegalArgumentException if it names none
     */
    public BuilderKind kind() {
        return BuilderKind.parse(builder);
    }

    /** The request in {@code workspace}. */
    BuildRequest request(Path workspace, Map<String, String> environment, Instant now) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("give the image name to build");
        }
        BuilderKind.parse(builder);
        ImageReference name = ImageReference.parseName(image);
        Path root = workspace.toAbsolutePath();
        BuildRequest request = BuildRequest.of(root.resolve(context).normalize(), name, tags)
                .withFile(file == null ? null : root.resolve(file).normalize())
                .withBuildArgs(buildArgs)
                .withLabels(OciLabels.complete(labels, null, null, environment, now))
                .withPlatform(platform)
                .withPush(push)
                .withInsecureRegistry(insecureRegistry)
                .withLayers(layers.stream().map(Layer::parse).toList(), from);
        return credentials.registryCredential()
                .map(credential -> request.withAuth(RegistryAuth.password(name.registry().orElse("docker.io"), credential)))
                .orElse(request);
    }

    private static String[] split(String keyValue, String what) {
        int eq = keyValue == null ? -1 : keyValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("a " + what + " must look like KEY=VALUE, not '" + keyValue + "'");
        }
        return new String[] {keyValue.substring(0, eq), keyValue.substring(eq + 1)};
    }

    @Override
    public String toString() {
        return "build of " + image + ":" + String.join(",", tags) + " with " + builder + (push ? ", pushed" : "");
    }
}
