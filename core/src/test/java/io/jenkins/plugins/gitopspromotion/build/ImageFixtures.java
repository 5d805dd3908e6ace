package io.jenkins.plugins.gitopspromotion.build;

import io.jenkins.plugins.gitopspromotion.testing.RealParts;
import io.jenkins.plugins.gitopspromotion.testing.Programs;
import io.jenkins.plugins.gitopspromotion.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A build context and buildah storage for tests; {@code FROM scratch}, since the network is closed. */
final class ImageFixtures {

    private ImageFixtures() {
    }

    /** Requires docker-registry and skopeo (and buildah when asked), failing in CI when one is missing. */
    static void requireRegistry(boolean buildah) {
        RealParts.require(TestRegistry.installed(), "docker-registry");
        RealParts.require(TestRegistry.skopeoInstalled(), "skopeo");
        if (buildah) {
            RealParts.require(Programs.installed("buildah"), "buildah");
        }
    }

    /** A context with a Containerfile copying one file, whose content makes the image unique. */
    static Path context(Path dir, String content) throws IOException {
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("hello.txt"), content + "\n");
        Files.writeString(context.resolve("Containerfile"), "FROM scratch\nARG GREETING\nCOPY hello.txt /hello.txt\n");
        return context;
    }

    /** buildah's storage in the test's folder: vfs and chroot isolation work without privileges or overlay. */
    static ContainerStorage storage(Path dir) {
        return new ContainerStorage(dir.resolve("storage/root"), dir.resolve("storage/run"), "vfs", "chroot");
    }
}
