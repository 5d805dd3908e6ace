package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.Target;
import io.jenkins.plugins.gitopspromotion.update.FileChange;
import io.jenkins.plugins.gitopspromotion.update.ImageUpdate;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The file changes that bring one app's image in one environment to a new version, computed from a tree of
 * the config repository and not yet written anywhere.
 *
 * @param app the app promoted
 * @param environment the environment promoted into
 * @param target where the app's image is written in that environment
 * @param update the version promoted
 * @param before the versions the target's files referenced before, in file order
 * @param files every file of the target that references the image, changed or not
 */
public record ChangePlan(App app, Environment environment, Target target, ImageUpdate update, List<ImageVersion> before,
        List<FileChange> files) {

    /** Copies the lists. */
    public ChangePlan {
        before = List.copyOf(before);
        files = List.copyOf(files);
    }

    /**
     * The version before by its {@link ImageVersion#label() label}; several distinct ones are joined with a comma. Read
     * from the files, so quoted where it holds a character that would not show on one line (a forged second line).
     */
    public String labelBefore() {
        return before.isEmpty() ? "(none)" : before.stream().map(ImageVersion::label).distinct().map(UntrustedText::line)
                .collect(Collectors.joining(", "));
    }

    /**
     * The version set by its {@link ImageUpdate#label() label}, under the new name ({@code registry.example.com/web:1.5.0})
     * when the plan moves a reference to it.
     */
    public String labelAfter() {
        boolean renames = before.stream().anyMatch(v -> update.renames(v.name().orElse(update.image())));
        if (!renames) {
            return update.label();
        }
        return update.targetName().name() + (update.tag().isPresent() ? ":" : "@") + update.label();
    }

    /** The files whose bytes change. */
    public List<FileChange> changedFiles() {
        return files.stream().filter(FileChange::changed).toList();
    }

    /** Whether anything changes; false when the environment already has this version. */
    public boolean changed() {
        return files.stream().anyMatch(FileChange::changed);
    }
}
