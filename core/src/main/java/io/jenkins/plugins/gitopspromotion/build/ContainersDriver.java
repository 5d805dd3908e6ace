package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * buildah and podman: both sit on containers/image and containers/storage and take the same options. One
 * {@code build} with every tag, then one {@code push --digestfile} per tag; credentials through
 * {@code REGISTRY_AUTH_FILE}.
 */
public final class ContainersDriver implements BuilderDriver {

    private final String program;
    private final ContainerStorage storage;

    private ContainersDriver(String program, ContainerStorage storage) {
        this.program = program;
        this.storage = storage;
    }

    /** {@code buildah} on the PATH. */
    public static ContainersDriver buildah(ContainerStorage storage) {
        return new ContainersDriver("buildah", storage);
    }

    /** {@code podman} on the PATH. */
    public static ContainersDriver podman(ContainerStorage storage) {
        return new ContainersDriver("podman", storage);
    }

    @Override
    public String name() {
        return program;
    }

    @Override
    public List<BuildStep> steps(BuildRequest request, BuildFiles files) {
        Map<String, String> environment = files.registryAuthFileEnvironment();
        List<String> build = start("build");
        if (storage.isolation() != null) {
            build.addAll(List.of("--isolation", storage.isolation()));
        }
        addTlsOptions(build, request, files);
        BuilderDriver.addBuildOptions(build, request);
        build.add(request.context().toString());

        List<BuildStep> steps = new ArrayList<>();
        steps.add(new BuildStep(false, new ProcessCommand(build, environment, request.context())));
        if (request.push()) {
            for (String name : request.taggedNames()) {
                List<String> push = start("push");
                addTlsOptions(push, request, files);
                push.addAll(List.of("--digestfile", files.digestFile().toString(), name, "docker://" + name));
                steps.add(new BuildStep(true, new ProcessCommand(push, environment, request.context())));
            }
        }
        return steps;
    }

    private static void addTlsOptions(List<String> argv, BuildRequest request, BuildFiles files) {
        if (request.insecureRegistry()) {
            argv.add("--tls-verify=false");
        }
        if (files.certDirectory() != null) {
            argv.addAll(List.of("--cert-dir", files.certDirectory().toString()));
        }
    }

    private List<String> start(String subcommand) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(storage.globalOptions());
        argv.add(subcommand);
        return argv;
    }

    @Override
    public Optional<Digest> readDigest(byte[] digestFile) throws IOException {
        return BuilderDriver.readPlainDigest(digestFile, program);
    }
}
