package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.ConfigIndex;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.files.PrivateFiles;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.yaml.YamlLimits;
import io.jenkins.plugins.gitopspromotion.yaml.YamlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The parsed promotion configs of the last few config files seen, by the id of the file's blob: a config of
 * thousands of apps takes longer to parse and check than the rest of a promotion with a warm mirror, and it
 * rarely changes between promotions. Same blob, same bytes, same (immutable) config; a file that fails to
 * parse is not kept, so it fails with its message every time. A repository without a config file is
 * discovered afresh each time, since discovery depends on the whole tree.
 *
 * <p>A fresh process (the command line) has nothing in memory, so the first full parse of a file also leaves a
 * {@link ConfigIndex} on disk, next to the mirrors: a later promotion of one app parses only the environments and
 * that app's entry of the same, already checked, file. Anything the index cannot answer is parsed whole.
 */
final class ConfigCache {

    private static final int SIZE = 16;

    private final Path indexDir;
    private final Map<ObjectId, PromotionConfig> configs = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, PromotionConfig> eldest) {
            return size() > SIZE;
        }
    };

    /** @param indexDir where config indexes are kept across processes */
    ConfigCache(Path indexDir) {
        this.indexDir = indexDir;
    }

    /** The whole config of a tree, parsed once per distinct config file. */
    PromotionConfig load(GitTree tree) throws IOException {
        Optional<ObjectId> blob = tree.blobId(ConfigLoader.CONFIG_PATH);
        return blob.isEmpty() ? ConfigLoader.load(tree) : full(tree, blob.get());
    }

    /**
     * A config of a tree with every environment and at least the app a request names (by name or image): the
     * whole config when it is in memory, else the cut the file's index on disk allows, else the whole config.
     */
    PromotionConfig loadFor(GitTree tree, PromotionRequest request) throws IOException {
        Optional<ObjectId> blob = tree.blobId(ConfigLoader.CONFIG_PATH);
        if (blob.isEmpty()) {
            return ConfigLoader.load(tree);
        }
        Optional<PromotionConfig> known = known(blob.get());
        if (known.isPresent()) {
            return known.get();
        }
        Optional<ConfigIndex> index = readIndex(blob.get());
        if (index.isPresent()) {
            String text = YamlText.decode(ConfigLoader.CONFIG_PATH, ConfigLoader.read(tree), YamlLimits.DEFAULT).text();
            Optional<String> cut = request.app().isPresent() ? index.get().onlyApp(text, request.app().get())
                    : index.get().onlyImage(text, request.image().orElseThrow());
            if (cut.isPresent()) {
                return ConfigLoader.parse(ConfigLoader.CONFIG_PATH, cut.get().getBytes(StandardCharsets.UTF_8));
            }
        }
        return full(tree, blob.get());
    }

    private PromotionConfig full(GitTree tree, ObjectId blob) throws IOException {
        Optional<PromotionConfig> known = known(blob);
        if (known.isPresent()) {
            return known.get();
        }
        ConfigLoader.Indexed parsed = ConfigLoader.parseIndexed(ConfigLoader.CONFIG_PATH, ConfigLoader.read(tree));
        synchronized (configs) {
            configs.put(blob, parsed.config());
        }
        parsed.index().ifPresent(index -> writeIndex(blob, index));
        return parsed.config();
    }

    private Optional<PromotionConfig> known(ObjectId blob) {
        synchronized (configs) {
            return Optional.ofNullable(configs.get(blob));
        }
    }

    private Optional<ConfigIndex> readIndex(ObjectId blob) {
        Path file = indexDir.resolve(blob.name());
        try {
            return Files.isRegularFile(file) ? ConfigIndex.read(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a cache: without it the file is parsed whole
        }
    }

    /** Written whole or not at all (a rename), so a reader never sees half an index. */
    private void writeIndex(ObjectId blob, ConfigIndex index) {
        try {
            PrivateFiles.createDirectories(indexDir);
            Path temp = Files.createTempFile(indexDir, blob.name(), ".tmp");
            Files.writeString(temp, index.write(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, indexDir.resolve(blob.name()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, indexDir.resolve(blob.name()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a cache: the next process parses the file whole again
        }
    }
}
