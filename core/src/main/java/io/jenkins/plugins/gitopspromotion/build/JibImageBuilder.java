package io.jenkins.plugins.gitopspromotion.build;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Builds in this JVM with Jib core, without a daemon or a Dockerfile: each {@link Layer} becomes an image layer
 * on the base image ({@code scratch} when none), and Jib pushes every tag and reports the manifest digest.
 */
public final class JibImageBuilder implements ImageBuilder {

    private static final String NAME = "jib";

    @Override
    public BuildResult build(BuildRequest request, Consumer<String> log) throws BuildException, IOException, InterruptedException {
        refuseWhatJibCannotDo(request);
        OutputTail tail = new OutputTail(log);
        JibContainerBuilder container = base(request);
        for (Layer layer : request.layers()) {
            Path source = request.context().resolve(layer.source());
            if (!Files.exists(source)) {
                throw invalid("the layer source " + source + " does not exist");
            }
            container.addFileEntriesLayer(FileEntriesLayer.builder()
                    .setName(layer.destination())
                    .addEntryRecursive(source, AbsoluteUnixPath.get(layer.destination()))
                    .build());
        }
        container.setLabels(request.labels());
        created(request).ifPresent(container::setCreationTime);
        if (request.platform() != null) {
            container.setPlatforms(Set.of(platform(request.platform())));
        }
        RegistryImage target = registryImage(request.image() + ":" + request.tags().get(0));
        credential(request, request.registry()).ifPresent(c -> target.addCredential(c.username(), new String(c.password())));
        Containerizer containerizer = Containerizer.to(target)
                .setAllowInsecureRegistries(request.insecureRegistry())
                .setToolName("gitops-promotion")
                .addEventHandler(LogEvent.class, event -> tail.accept(event.getMessage()));
        request.tags().stream().skip(1).forEach(containerizer::withAdditionalTag);
        try {
            JibContainer result = container.containerize(containerizer);
            return BuildResult.of(request.image().toString(), request.tags(), Digest.parse(result.getDigest().toString()));
        } catch (RegistryException | ExecutionException | CacheDirectoryCreationException e) {
            throw failure(request, e, tail.lines());
        }
    }

    private static void refuseWhatJibCannotDo(BuildRequest request) throws BuildException {
        if (!request.push()) {
            throw invalid("jib pushes as it builds: add --push");
        }
        if (request.file() != null || !request.buildArgs().isEmpty()) {
            throw invalid("jib builds without a Containerfile: --file and --build-arg do not apply; give --layer SRC:DEST");
        }
        if (request.caCertificate() != null) {
            throw invalid("jib trusts the JVM's certificate authorities (javax.net.ssl.trustStore), not a CA certificate"
                    + " given to the build; or use --insecure-registry");
        }
        if (request.layers().isEmpty()) {
            throw invalid("jib needs at least one --layer SRC:DEST to put into the image");
        }
    }

    private static BuildException invalid(String message) {
        return new BuildException(BuildException.Reason.INVALID_REQUEST, message, List.of(), null);
    }

    private static JibContainerBuilder base(BuildRequest request) throws BuildException, IOException {
        String from = request.from();
        if (from == null || from.equals("scratch")) {
            return Jib.fromScratch();
        }
        RegistryImage base = registryImage(from);
        String registry = ImageReference.parse(from).registry().orElse("docker.io");
        credential(request, registry).ifPresent(c -> base.addCredential(c.username(), new String(c.password())));
        return Jib.from(base);
    }

    private static RegistryImage registryImage(String reference) throws BuildException {
        try {
            return RegistryImage.named(reference);
        } catch (InvalidImageReferenceException e) {
            throw invalid("jib cannot use the image reference '" + reference + "': " + e.getMessage());
        }
    }

    private static Optional<RegistryCredential> credential(BuildRequest request, String registry) throws IOException {
        return request.auth().credentialFor(registry);
    }

    private static Optional<Instant> created(BuildRequest request) {
        String created = request.labels().get(OciLabels.CREATED);
        try {
            return created == null ? Optional.empty() : Optional.of(Instant.parse(created));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Platform platform(String text) throws BuildException {
        String[] parts = text.split("/");
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw invalid("a platform is OS/ARCHITECTURE, e.g. linux/amd64, not '" + text + "'");
        }
        return new Platform(parts[1], parts[0]);
    }

    private static BuildException failure(BuildRequest request, Exception e, List<String> lines) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        boolean unauthorized = chain.stream().anyMatch(RegistryUnauthorizedException.class::isInstance);
        Throwable root = chain.get(chain.size() - 1);
        if (unauthorized) {
            return BuildException.pushRefused(NAME, request, "", lines);
        }
        return new BuildException(BuildException.Reason.PUSH_FAILED, NAME + " failed to build or push " + request.image()
                + " to the registry " + request.registry() + ": " + root.getMessage(), lines, null);
    }
}
