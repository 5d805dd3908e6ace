package io.jenkins.plugins.gitopspromotion.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A build process stopped half-way, for {@link ScratchLifetimeTest}: makes a private folder in the folder given, writes a
 * registry login into it as a build does, prints the folder's path, and waits to be stopped.
 */
public final class ScratchHolder {

    private ScratchHolder() {
    }

    /** @param args the parent folder */
    public static void main(String[] args) throws Exception {
        ScratchFolder folder = new LocalScratchSpace(Path.of(args[0])).create();
        folder.createPrivateFile("registry-auth/config.json", "{\"auths\":{}}".getBytes(StandardCharsets.UTF_8));
        System.out.println(folder.path());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
