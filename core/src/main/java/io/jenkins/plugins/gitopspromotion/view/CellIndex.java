package io.jenkins.plugins.gitopspromotion.view;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.ConfigException;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which cells a changed file belongs to: a cell's files are those directly in its target's folder (the target
 * file, and the files the drift check compares), and the target file's own folder where the file lies deeper.
 */
final class CellIndex {

    private final Map<String, List<CellKey>> byFolder = new HashMap<>();

    CellIndex(PromotionConfig config) {
        for (App app : config.apps()) {
            for (Environment environment : config.environments()) {
                Target target;
                try {
                    target = config.target(app, environment);
                } catch (ConfigException e) {
                    continue; // the cell shows the error; it has no files to watch
                }
                CellKey key = new CellKey(app.name(), environment.name());
                Set<String> folders = new LinkedHashSet<>(List.of(target.directory()));
                target.filePath().ifPresent(f -> folders.add(parent(f)));
                folders.forEach(folder -> byFolder.computeIfAbsent(folder, f -> new ArrayList<>()).add(key));
            }
        }
    }

    /** The cells a file of the repository belongs to, possibly none. */
    List<CellKey> cellsOf(String path) {
        return byFolder.getOrDefault(parent(path), List.of());
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
