package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.standing.BuiltVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image a build built, kept with the build: what its page offers to promote (name, tags, digest, source commit),
 * and, for the build's later steps, {@code GITOPS_IMAGE_REFERENCE} ({@code NAME@sha256:…}) and
 * {@code GITOPS_IMAGE_DIGEST}. An image built without pushing has neither variable (never the text "null"). A build
 * that built several images has one action each; the last one sets the variables.
 */
public class BuiltImageAction implements EnvironmentContributingAction {

    private final String image;
    private final List<String> tags;
    private final String reference;
    private final String digest;
    private final String sourceCommit;

    /**
     * @param image the image's name
     * @param tags its tags
     * @param reference {@code NAME@sha256:…}, or null when nothing was pushed
     * @param digest the pushed digest, or null
     * @param sourceCommit the source commit it was built from, or null
     */
    BuiltImageAction(String image, List<String> tags, @CheckForNull String reference, @CheckForNull String digest,
            @CheckForNull String sourceCommit) {
        this.image = image;
        this.tags = new ArrayList<>(tags);
        this.reference = reference;
        this.digest = digest;
        this.sourceCommit = sourceCommit;
    }

    /** The build step's result ({@code [image, tags, digest, reference]}) as an action. */
    static BuiltImageAction of(Map<String, Object> result, @CheckForNull String sourceCommit) {
        List<String> tags = new ArrayList<>();
        if (result.get("tags") instanceof List<?> list) {
            list.forEach(tag -> tags.add(String.valueOf(tag)));
        }
        return new BuiltImageAction(String.valueOf(result.get("image")), tags, text(result.get("reference")), text(result.get("digest")),
                sourceCommit);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** The image's name. */
    public String getImage() {
        return image;
    }

    /** Its tags. */
    public List<String> getTags() {
        return List.copyOf(tags);
    }

    /** {@code NAME@sha256:…}, or null when nothing was pushed. */
    public String getReference() {
        return reference;
    }

    /** The pushed digest, or null. */
    public String getDigest() {
        return digest;
    }

    /** The source commit it was built from, or null. */
    public String getSourceCommit() {
        return sourceCommit;
    }

    /** {@code NAME@sha256:…}, or {@code NAME:TAG} when it was not pushed, as pages show the image. */
    String label() {
        return reference != null ? reference : image + (tags.isEmpty() ? "" : ":" + tags.get(0));
    }

    /** The version the build produced, for working out where it stands; empty if it is no valid image name. */
    Optional<BuiltVersion> version() {
        try {
            return Optional.of(new BuiltVersion(ImageReference.parseName(image), tags,
                    Optional.ofNullable(digest).map(Digest::parse)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        if (reference != null) {
            env.put("GITOPS_IMAGE_REFERENCE", reference);
        }
        if (digest != null) {
            env.put("GITOPS_IMAGE_DIGEST", digest);
        }
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
