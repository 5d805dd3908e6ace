package io.jenkins.plugins.gitopspromotion.build;

import java.io.IOException;
import java.util.function.Consumer;

/** Builds an image and, when asked, pushes it and learns the digest the registry stores it under. */
public interface ImageBuilder {

    /**
     * Builds (and pushes) {@code request}.
     *
     * @param log receives the builder's output, line by line
     * @return the image, tags and (after a push) digest
     * @throws BuildException if the builder is missing, the build fails or the registry refuses the push
     * @throws IOException if the temporary files cannot be written or the digest file read
     * @throws InterruptedException if interrupted
     */
    BuildResult build(BuildRequest request, Consumer<String> log) throws BuildException, IOException, InterruptedException;
}
