package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.build.BuildException;
import io.jenkins.plugins.gitopspromotion.build.BuildRequest;
import io.jenkins.plugins.gitopspromotion.build.BuildResult;
import io.jenkins.plugins.gitopspromotion.build.BuilderKind;
import io.jenkins.plugins.gitopspromotion.build.LocalScratchSpace;
import io.jenkins.plugins.gitopspromotion.build.ContainerStorage;
import io.jenkins.plugins.gitopspromotion.build.Layer;
import io.jenkins.plugins.gitopspromotion.build.LocalProcessRunner;
import io.jenkins.plugins.gitopspromotion.build.OciLabels;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Builds an image with a chosen builder, pushes it, and prints the digest the registry stores it under. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Build (and push) an image; print its digest and NAME@sha256:… reference, ready for a promotion.")
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--context", required = true, paramLabel = "DIR", description = "The build context folder.")
    Path context;

    @Option(names = "--file", paramLabel = "FILE", description = "The Containerfile/Dockerfile (default: the builder's, in the context).")
    Path file;

    @Option(names = "--image", required = true, paramLabel = "NAME", description = "The image name, [registry[:port]/]repository.")
    String image;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "A tag; repeat for more.")
    List<String> tags;

    @Option(names = "--builder", required = true, paramLabel = "BUILDER", converter = BuilderKindConverter.class,
            description = "buildah, podman, docker, kaniko or jib.")
    BuilderKind builder;

    @Option(names = "--push", description = "Push to the registry (the digest is known only then).")
    boolean push;

    @Option(names = "--build-arg", paramLabel = "K=V", description = "A build argument; repeat for more.")
    Map<String, String> buildArgs = new LinkedHashMap<>();

    @Option(names = "--label", paramLabel = "K=V", description = "An image label; repeat for more. Wins over the standard OCI labels.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--platform", paramLabel = "OS/ARCH", description = "The target platform, e.g. linux/amd64.")
    String platform;

    @Option(names = "--source", paramLabel = "URL", description = "org.opencontainers.image.source (default: $GIT_URL).")
    String source;

    @Option(names = "--revision", paramLabel = "SHA", description = "org.opencontainers.image.revision (default: $GIT_COMMIT).")
    String revision;

    @Option(names = "--layer", paramLabel = "SRC:DEST", description = "jib: a folder or file (relative to --context) put at DEST in the image.")
    List<String> layers = new ArrayList<>();

    @Option(names = "--from", paramLabel = "IMAGE", description = "jib: the base image, or scratch (default).")
    String from;

    @Option(names = "--storage-driver", paramLabel = "DRIVER", description = "buildah/podman: the storage driver, e.g. vfs.")
    String storageDriver;

    @Option(names = "--isolation", paramLabel = "KIND", description = "buildah/podman: how RUN steps are isolated, e.g. chroot.")
    String isolation;

    @Option(names = "--storage-root", paramLabel = "DIR", description = "buildah/podman: keep images in DIR/root and DIR/run.")
    Path storageRoot;

    @Mixin
    RegistryAuthOptions registry;

    @Option(names = "--json", description = "Print {\"image\",\"tags\",\"digest\",\"reference\"}.")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BuildRequest request = request();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ContainerStorage storage = new ContainerStorage(storageRoot == null ? null : storageRoot.resolve("root"),
                storageRoot == null ? null : storageRoot.resolve("run"), storageDriver, isolation);
        BuildResult result;
        try {
            // The builder's own output goes to stderr so that stdout holds only the result.
            result = builder.builder(new LocalProcessRunner(), LocalScratchSpace.temporary(), storage).build(request, err::println);
        } catch (BuildException e) {
            err.println("gitops-promotion: " + e.getMessage());
            return GitOpsPromotionCli.FAILED;
        }
        if (json) {
            out.println(result.toJson());
        } else if (result.digest() == null) {
            out.println("built " + String.join(", ", request.taggedNames()) + " (not pushed: the digest is known once pushed, --push)");
        } else {
            out.println("pushed " + String.join(", ", request.taggedNames()));
            out.println("digest: " + result.digest());
            out.println("reference: " + result.reference());
        }
        return GitOpsPromotionCli.OK;
    }

    private BuildRequest request() {
        if (!Files.isDirectory(context)) {
            throw new ParameterException(spec.commandLine(), "--context " + context + " is not a folder");
        }
        try {
            ImageReference name = ImageReference.parseName(image);
            List<Layer> parsedLayers = layers.stream().map(Layer::parse).toList();
            Map<String, String> allLabels = OciLabels.complete(labels, source, revision, System.getenv(), Instant.now());
            return BuildRequest.of(context.toAbsolutePath(), name, tags)
                    .withFile(file == null ? null : file.toAbsolutePath())
                    .withBuildArgs(buildArgs).withLabels(allLabels).withPlatform(platform)
                    .withPush(push).withInsecureRegistry(registry.insecure)
                    .withCaCertificate(registry.caCertificate == null ? null : registry.caCertificate.toAbsolutePath())
                    .withAuth(registry.auth(spec, name.registry().orElse("docker.io")))
                    .withLayers(parsedLayers, from);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
