package io.jenkins.plugins.gitopspromotion.view;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What one cell's files hold at one commit: every reference to the app's image, or why none could be read.
 *
 * @param versions the references found, empty when {@code error} is set
 * @param error why the cell could not be read, or null
 */
record CellValue(List<ImageVersion> versions, String error) {

    /** Reads a cell from a tree; a cell that cannot be read is a value too (with its reason). */
    static CellValue read(ChangePlanner planner, RepoTree tree, PromotionConfig config, App app, Environment environment)
            throws IOException {
        try {
            return new CellValue(List.copyOf(planner.current(tree, config, app, environment)), null);
        } catch (RuntimeException e) { // PromotionException, YamlEditException, ConfigException: all say why
            return new CellValue(List.of(), e.getMessage());
        }
    }

    /** Whether all references agree on one version. */
    boolean agrees() {
        return error == null && versions.stream().map(ImageVersion::describe).distinct().count() == 1;
    }

    /** The one version all references agree on. */
    Optional<ImageVersion> version() {
        return agrees() ? Optional.of(versions.get(0)) : Optional.empty();
    }

    /** What identifies the value, for telling whether a commit changed it. */
    String identity() {
        return error != null ? "error" : String.join(",", versions.stream().map(ImageVersion::describe).distinct().toList());
    }
}
