package io.jenkins.plugins.gitopspromotion.build;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker buildx build}: builds and pushes in one command; the digest is {@code containerimage.digest}
 * of its {@code --metadata-file}. Credentials through {@code DOCKER_CONFIG}.
 */
public final class DockerBuildxDriver implements BuilderDriver {

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public List<BuildStep> steps(BuildRequest request, BuildFiles files) {
        if (request.caCertificate() != null) {
            throw new IllegalArgumentException("docker buildx trusts registry certificates configured in its builder"
                    + " (buildkitd.toml), not a CA certificate given to the build");
        }
        List<String> argv = new ArrayList<>(List.of("docker", "buildx", "build"));
        BuilderDriver.addBuildOptions(argv, request);
        argv.addAll(List.of("--metadata-file", files.digestFile().toString()));
        if (request.push()) {
            // An insecure registry is an exporter attribute in buildx; the names come from --tag.
            argv.addAll(request.insecureRegistry() ? List.of("--output", "type=image,push=true,registry.insecure=true")
                    : List.of("--push"));
        }
        argv.add(request.context().toString());
        Map<String, String> environment = files.dockerConfigEnvironment();
        // Build and push are one command: a failure is reported as a push failure only when its output says so.
        return List.of(new BuildStep(request.push(), new ProcessCommand(argv, environment, request.context())));
    }

    @Override
    public Optional<Digest> readDigest(byte[] digestFile) throws IOException {
        if (digestFile.length == 0) {
            return Optional.empty();
        }
        JsonNode digest = Json.mapper().readTree(digestFile).get("containerimage.digest");
        if (digest == null || !digest.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Digest.parse(digest.asText()));
        } catch (IllegalArgumentException e) {
            throw new IOException("docker wrote no valid containerimage.digest to its metadata file: " + e.getMessage(), e);
        }
    }
}
