package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.ImageTag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One image to build (and push): what every builder driver turns into its own command, or Jib into its own calls.
 *
 * @param context the build context folder (for Jib, the folder relative layer sources are read from)
 * @param file the Containerfile/Dockerfile, or null for the builder's default in the context
 * @param image the image's name, {@code [registry[:port]/]repository}, without tag
 * @param tags the tags, at least one
 * @param buildArgs {@code --build-arg} values, in order
 * @param labels image labels, in order (with the standard OCI labels, see {@link OciLabels})
 * @param platform the target platform such as {@code linux/amd64}, or null for the builder's own
 * @param push whether to push to the registry (the digest is known only then)
 * @param insecureRegistry whether the registry may be plain HTTP or have a certificate that is not trusted
 * @param caCertificate a PEM CA certificate to trust for the registry's TLS (buildah, podman, kaniko), or null
 * @param auth the registry credentials
 * @param layers Jib only: folders or files to put into the image
 * @param from Jib only: the base image, or {@code scratch} (also when null)
 */
public record BuildRequest(Path context, Path file, ImageReference image, List<String> tags, Map<String, String> buildArgs,
        Map<String, String> labels, String platform, boolean push, boolean insecureRegistry, Path caCertificate, RegistryAuth auth,
        List<Layer> layers, String from) {

    /** Checks the image name and tags and copies the collections. */
    public BuildRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(image, "image");
        if (image.tag().isPresent() || image.digest().isPresent()) {
            throw new IllegalArgumentException("the image " + image + " must be a name alone; give tags separately");
        }
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("an image build needs at least one tag");
        }
        tags.forEach(ImageTag::requireValid);
        tags = List.copyOf(tags);
        buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        auth = auth == null ? RegistryAuth.none() : auth;
        layers = List.copyOf(layers);
    }

    /** A request with the mandatory parts; the rest through the {@code with…} methods. */
    public static BuildRequest of(Path context, ImageReference image, List<String> tags) {
        return new BuildRequest(context, null, image, tags, Map.of(), Map.of(), null, false, false, null, RegistryAuth.none(),
                List.of(), null);
    }

    /** {@code image:tag} for each tag. */
    public List<String> taggedNames() {
        List<String> names = new ArrayList<>();
        tags.forEach(tag -> names.add(image + ":" + tag));
        return names;
    }

    /** The registry host the image goes to, as written in its name. */
    public String registry() {
        return image.registry().orElse("docker.io");
    }

    /** With a Containerfile. */
    public BuildRequest withFile(Path newFile) {
        return new BuildRequest(context, newFile, image, tags, buildArgs, labels, platform, push, insecureRegistry, caCertificate, auth, layers, from);
    }

    /** With build arguments. */
    public BuildRequest withBuildArgs(Map<String, String> newBuildArgs) {
        return new BuildRequest(context, file, image, tags, newBuildArgs, labels, platform, push, insecureRegistry, caCertificate, auth, layers, from);
    }

    /** With labels. */
    public BuildRequest withLabels(Map<String, String> newLabels) {
        return new BuildRequest(context, file, image, tags, buildArgs, newLabels, platform, push, insecureRegistry, caCertificate, auth, layers, from);
    }

    /** With a target platform. */
    public BuildRequest withPlatform(String newPlatform) {
        return new BuildRequest(context, file, image, tags, buildArgs, labels, newPlatform, push, insecureRegistry, caCertificate, auth, layers, from);
    }

    /** Pushing or not. */
    public BuildRequest withPush(boolean newPush) {
        return new BuildRequest(context, file, image, tags, buildArgs, labels, platform, newPush, insecureRegistry, caCertificate, auth, layers, from);
    }

    /** Allowing an insecure registry or not. */
    public BuildRequest withInsecureRegistry(boolean insecure) {
        return new BuildRequest(context, file, image, tags, buildArgs, labels, platform, push, insecure, caCertificate, auth, layers, from);
    }

    /** Trusting a CA certificate for the registry's TLS. */
    public BuildRequest withCaCertificate(Path certificate) {
        return new BuildRequest(context, file, image, tags, buildArgs, labels, platform, push, insecureRegistry, certificate, auth, layers, from);
    }

    /** With registry credentials. */
    public BuildRequest withAuth(RegistryAuth newAuth) {
        return new BuildRequest(context, file, image, tags, buildArgs, labels, platform, push, insecureRegistry, caCertificate, newAuth, layers, from);
    }

    /** With Jib layers and base image. */
    public BuildRequest withLayers(List<Layer> newLayers, String newFrom) {
        return new BuildRequest(context, file, image, tags, buildArgs, labels, platform, push, insecureRegistry, caCertificate, auth, newLayers, newFrom);
    }
}
