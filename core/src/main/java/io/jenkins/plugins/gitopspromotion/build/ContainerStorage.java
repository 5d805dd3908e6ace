package io.jenkins.plugins.gitopspromotion.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where buildah and podman keep images, and how they run build steps: each value null for the tool's default
 * (or its {@code containers-storage.conf}).
 *
 * @param root the storage root ({@code --root})
 * @param runRoot the state folder ({@code --runroot})
 * @param driver the storage driver ({@code --storage-driver}), e.g. {@code vfs} where overlay is not available
 * @param isolation {@code --isolation} of {@code build}: {@code chroot} runs without a container runtime
 */
public record ContainerStorage(Path root, Path runRoot, String driver, String isolation) {

    /** The tools' defaults. */
    public static ContainerStorage defaults() {
        return new ContainerStorage(null, null, null, null);
    }

    /** The global options that go before the subcommand. */
    List<String> globalOptions() {
        List<String> options = new ArrayList<>();
        if (root != null) {
            options.add("--root");
            options.add(root.toString());
        }
        if (runRoot != null) {
            options.add("--runroot");
            options.add(runRoot.toString());
        }
        if (driver != null) {
            options.add("--storage-driver");
            options.add(driver);
        }
        return options;
    }
}
