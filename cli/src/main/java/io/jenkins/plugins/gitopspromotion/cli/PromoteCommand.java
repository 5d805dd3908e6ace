package io.jenkins.plugins.gitopspromotion.cli;

import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Promotes a version of an app's image into an environment of a config repository. */
@Command(name = "promote", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Promote an image version into an environment: a commit to the base branch, or a branch to review.")
final class PromoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Mixin
    PromotionOptions promotion;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    /** The app, by name or by image; or several apps, promoted together (a bundle). */
    static final class Subject {
        @Option(names = "--app", paramLabel = "APP", description = "The app, by its name in the config; repeated, the apps"
                + " promoted together in one commit or pull request (a bundle), all or nothing.")
        List<String> apps;

        @Option(names = "--all", description = "Every app of the config, promoted together in one commit or pull request.")
        boolean all;

        @Option(names = "--image", paramLabel = "NAME", description = "The app, by its image (a tag or digest in it is the version);"
                + " another of the app's names moves the image there.")
        String image;
    }

    @Option(names = "--tag", paramLabel = "TAG", description = "The tag to promote.")
    String tag;

    @Option(names = "--digest", paramLabel = "sha256:…", description = "The digest to promote.")
    String digest;

    @Option(names = "--from", paramLabel = "ENV", description = "Promote exactly what this environment has (build once, deploy many),"
            + " under the name it has there.")
    String from;

    @Option(names = "--image-name", paramLabel = "NAME", description = "The name the image takes, one of the app's names"
            + " (image or otherNames in the config): moves it to another registry with the version given.")
    String imageName;

    @Option(names = "--reopen", description = "Propose again a version whose pull request a person closed without merging.")
    boolean reopen;

    @Option(names = "--override-hold", description = "Promote into an environment where a rollback holds the app all the same"
            + " (an emergency); needs --reason, recorded in a Hold-Overridden trailer. The hold stays.")
    boolean overrideHold;

    @Option(names = "--override-freeze", description = "Promote inside a freeze window of the environment (gates.freeze) all the"
            + " same (an emergency); needs --reason, recorded in a Freeze-Overridden trailer.")
    boolean overrideFreeze;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the hold or the freeze is overridden (with --override-hold"
            + " or --override-freeze).")
    String reason;

    @Override
    public Integer call() throws IOException {
        PromotionRequest.Builder request = promotion.request(spec, repository).overrideHold(overrideHold)
                .overrideFreeze(overrideFreeze).reason(reason);
        try {
            ImageReference image = subject.image == null ? null : ImageReference.parse(subject.image);
            if (image != null) {
                request.image(image);
            } else if (subject.all) {
                request.allApps(true);
            } else if (subject.apps.size() > 1) {
                request.apps(subject.apps);
            } else {
                request.app(subject.apps.get(0));
            }
            request.version(VersionSource.choose(tag, digest, image, from));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " (--tag, --digest, --from)");
        }
        if (imageName != null) {
            if (from != null) {
                throw new ParameterException(spec.commandLine(), "--image-name goes with --tag or --digest: --from takes the"
                        + " version and the name " + from + " has");
            }
            try {
                request.imageName(ImageReference.parseName(imageName));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--image-name: " + e.getMessage());
            }
        }
        PromotionResult result = DeploymentReports.engine(repository.cache(spec)).promote(PromotionOptions.build(spec,
                request.reopen(reopen)));
        return ResultPrinter.print(spec, result, promotion.json);
    }
}
