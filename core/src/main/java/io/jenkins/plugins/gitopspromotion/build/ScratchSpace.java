package io.jenkins.plugins.gitopspromotion.build;

import java.io.IOException;

/**
 * Where a build keeps its private files: the digest the builder writes, the registry login, the CA certificate.
 * They must be where the builder sees them, which is not always this process's machine: the Jenkins plugin starts
 * builders through the build's launcher (on an agent, inside a {@code container()}), and keeps these files beside the
 * workspace there. {@link LocalScratchSpace} keeps them on this machine.
 */
public interface ScratchSpace {

    /**
     * A new, empty folder only this user can read, for one build.
     *
     * @throws IOException if it cannot be made
     */
    ScratchFolder create() throws IOException;
}
