package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Repository;

/**
 * Keeps a mirror's object database compact. Every fetch that brings something new stores it as one more pack,
 * and JGit looks objects up pack by pack: on a config repository of 4,000 apps, a mirror of 61 packs made a CLI
 * promotion about 27 ms slower than the same mirror just repacked (medians of ten, 400 against 373 ms), and the
 * cost keeps growing with every promotion. So once a mirror holds more than {@link #PACK_LIMIT} packs it is
 * repacked, while the promotion holding it has it locked: about 1.3 s for that repository in a fresh CLI process,
 * once every fifty promotions.
 *
 * <p>The new pack gets no bitmap index: a bitmap covers the commits repacked, not the ones fetched after, and for
 * those JGit's bitmap walk visits every object of the base branch's tree when counting what to push (about 90 ms
 * a push on that repository, against 30 ms without).
 */
final class MirrorMaintenance {

    /** Git's own default for {@code gc.autoPackLimit}. */
    static final int PACK_LIMIT = 50;

    private MirrorMaintenance() {
    }

    /**
     * Repacks the mirror when it holds more than {@link #PACK_LIMIT} packs; otherwise does nothing. A failure
     * leaves the mirror as it was (JGit writes the new pack before deleting the old ones) and is not the
     * promotion's: it goes on with the mirror unpacked.
     */
    static void compactIfNeeded(Repository repository) {
        try {
            if (packCount(repository) <= PACK_LIMIT) {
                return;
            }
            repository.getConfig().setBoolean("pack", null, "buildBitmaps", false);
            // Replaced packs go at once: JGit keeps them an hour for readers in other processes, and there are
            // none while the mirror is locked.
            repository.getConfig().setString("gc", null, "prunePackExpire", "now");
            repository.getConfig().save();
            Git.wrap(repository).gc().call();
        } catch (IOException | GitAPIException | JGitInternalException e) {
            // Only speed is lost; the next promotion that finds too many packs tries again.
        }
    }

    /** The number of pack files in the mirror. */
    static long packCount(Repository repository) throws IOException {
        Path packs = repository.getDirectory().toPath().resolve("objects").resolve("pack");
        if (!Files.isDirectory(packs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(packs)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pack")).count();
        }
    }
}
