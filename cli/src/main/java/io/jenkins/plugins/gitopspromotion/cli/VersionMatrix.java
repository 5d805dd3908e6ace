package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.config.RepoTree;
import io.jenkins.plugins.gitopspromotion.promotion.ChangePlanner;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The app × environment table of the versions a config repository's files hold, as plain text. */
final class VersionMatrix {

    private VersionMatrix() {
    }

    /** Renders the table; a cell whose files cannot be read says why in a footnote. */
    static String render(RepoTree tree, PromotionConfig config, ChangePlanner planner) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("app"));
        config.environments().forEach(e -> header.add(e.name()));
        rows.add(header);
        List<String> notes = new ArrayList<>();
        for (App app : config.apps()) {
            List<String> row = new ArrayList<>(List.of(app.name()));
            for (Environment environment : config.environments()) {
                row.add(cell(tree, config, planner, app, environment, notes));
            }
            rows.add(row);
        }
        StringBuilder out = new StringBuilder(Table.render(rows));
        notes.forEach(n -> out.append(n).append('\n'));
        return out.toString();
    }

    private static String cell(RepoTree tree, PromotionConfig config, ChangePlanner planner, App app, Environment environment,
            List<String> notes) throws IOException {
        try {
            List<ImageVersion> versions = planner.current(tree, config, app, environment);
            if (versions.isEmpty()) {
                return "(not set)";
            }
            return versions.stream().map(ImageVersion::describeShort).distinct().collect(Collectors.joining(", "));
        } catch (RuntimeException e) {
            notes.add("[" + (notes.size() + 1) + "] " + e.getMessage());
            return "- [" + notes.size() + "]";
        }
    }
}
