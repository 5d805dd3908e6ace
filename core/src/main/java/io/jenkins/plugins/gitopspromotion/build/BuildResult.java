package io.jenkins.plugins.gitopspromotion.build;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.json.Json;
import java.util.List;

/**
 * What a build pushed, in the shape {@code build --json} prints: {@code {"image","tags","digest","reference"}}.
 *
 * @param image the image's name, without tag
 * @param tags the tags pushed (or built)
 * @param digest the manifest digest the registry serves for them, or null when nothing was pushed
 * @param reference {@code NAME@sha256:…}, ready for a promotion, or null when nothing was pushed
 */
@JsonPropertyOrder({"image", "tags", "digest", "reference"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BuildResult(String image, List<String> tags, String digest, String reference) {

    /** Copies the tags. */
    public BuildResult {
        tags = List.copyOf(tags);
    }

    /**
     * A result for {@code image} and {@code tags}, with the reference made from the digest.
     *
     * @param digest the pushed digest, or null when nothing was pushed
     */
    public static BuildResult of(String image, List<String> tags, Digest digest) {
        return new BuildResult(image, tags, digest == null ? null : digest.toString(),
                digest == null ? null : image + "@" + digest);
    }

    /** The result as one JSON object. */
    public String toJson() {
        return Json.write(this, "a build result");
    }
}
