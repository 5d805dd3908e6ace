package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kaniko's {@code executor} (on the PATH in its image): builds and pushes every {@code --destination} in one
 * run and writes the digest to {@code --digest-file}. Credentials through {@code DOCKER_CONFIG}.
 */
public final class KanikoDriver implements BuilderDriver {

    @Override
    public String name() {
        return "kaniko";
    }

    @Override
    public List<BuildStep> steps(BuildRequest request, BuildFiles files) {
        List<String> argv = new ArrayList<>(List.of("executor", "--context", "dir://" + request.context()));
        if (request.file() != null) {
            argv.addAll(List.of("--dockerfile", request.file().toString()));
        }
        request.taggedNames().forEach(name -> argv.addAll(List.of("--destination", name)));
        if (request.platform() != null) {
            argv.addAll(List.of("--custom-platform", request.platform()));
        }
        BuilderDriver.addPairs(argv, "--build-arg", request.buildArgs());
        BuilderDriver.addPairs(argv, "--label", request.labels());
        argv.addAll(List.of("--digest-file", files.digestFile().toString()));
        if (!request.push()) {
            argv.add("--no-push");
        }
        if (request.insecureRegistry()) {
            argv.addAll(List.of("--insecure", "--skip-tls-verify"));
        }
        if (request.caCertificate() != null) {
            argv.addAll(List.of("--registry-certificate", request.registry() + "=" + request.caCertificate()));
        }
        Map<String, String> environment = files.dockerConfigEnvironment();
        return List.of(new BuildStep(request.push(), new ProcessCommand(argv, environment, request.context())));
    }

    @Override
    public Optional<Digest> readDigest(byte[] digestFile) throws IOException {
        return BuilderDriver.readPlainDigest(digestFile, "kaniko");
    }
}
