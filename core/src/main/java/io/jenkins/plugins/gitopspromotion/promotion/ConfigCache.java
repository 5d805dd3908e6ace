package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import java.io.IOException;
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
 */
final class ConfigCache {

    private static final int SIZE = 16;

    private final Map<ObjectId, PromotionConfig> configs = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, PromotionConfig> eldest) {
            return size() > SIZE;
        }
    };

    /** The config of a tree, parsed once per distinct config file. */
    PromotionConfig load(GitTree tree) throws IOException {
        Optional<ObjectId> blob = tree.blobId(ConfigLoader.CONFIG_PATH);
        if (blob.isEmpty()) {
            return ConfigLoader.load(tree);
        }
        synchronized (configs) {
            PromotionConfig known = configs.get(blob.get());
            if (known != null) {
                return known;
            }
        }
        PromotionConfig config = ConfigLoader.load(tree);
        synchronized (configs) {
            configs.put(blob.get(), config);
        }
        return config;
    }
}
