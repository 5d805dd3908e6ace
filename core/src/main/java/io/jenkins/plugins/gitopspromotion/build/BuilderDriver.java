package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link BuildRequest} into one builder's commands (argument arrays and environment, never a shell
 * line), and reads the pushed digest from the file the builder itself writes, never from its log.
 */
public interface BuilderDriver {

    /** The builder's name for messages, e.g. {@code buildah}. */
    String name();

    /**
     * The commands to run, in order; push commands only when the request pushes.
     *
     * @param files the digest file and the temporary auth config to point the builder at
     * @throws IllegalArgumentException if this builder cannot do what the request asks
     */
    List<BuildStep> steps(BuildRequest request, BuildFiles files);

    /**
     * The digest the builder wrote after pushing.
     *
     * @param digestFile what the builder wrote to its digest file
     * @return empty when the file is empty (nothing was pushed)
     * @throws IOException if it holds no valid digest
     */
    Optional<Digest> readDigest(byte[] digestFile) throws IOException;

    /**
     * Adds the options buildah, podman and docker buildx share, in this order: {@code --file}, {@code --platform},
     * {@code --build-arg K=V}…, {@code --label K=V}…, {@code --tag NAME:T}….
     */
    static void addBuildOptions(List<String> argv, BuildRequest request) {
        if (request.file() != null) {
            argv.addAll(List.of("--file", request.file().toString()));
        }
        if (request.platform() != null) {
            argv.addAll(List.of("--platform", request.platform()));
        }
        addPairs(argv, "--build-arg", request.buildArgs());
        addPairs(argv, "--label", request.labels());
        request.taggedNames().forEach(name -> argv.addAll(List.of("--tag", name)));
    }

    /**
     * Adds {@code flag K=V} for each entry, e.g. {@code --build-arg VERSION=1.2}: the form all four builders take.
     */
    static void addPairs(List<String> argv, String flag, Map<String, String> values) {
        values.forEach((k, v) -> argv.addAll(List.of(flag, k + "=" + v)));
    }

    /** Reads a file holding just {@code sha256:…}, as buildah, podman and kaniko write it. */
    static Optional<Digest> readPlainDigest(byte[] digestFile, String builder) throws IOException {
        String text = new String(digestFile, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Digest.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IOException(builder + " wrote no valid digest to its digest file: " + e.getMessage(), e);
        }
    }
}
