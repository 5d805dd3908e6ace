package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;

/**
 * A build another job names to promote what it built ({@code gitopsPromote build: 'folder/job#42'}), as Promoted
 * Builds users promote an upstream build from a "deploy" job: the image it recorded, and the build and source commit
 * as the promotion's provenance.
 *
 * @param run the named build
 * @param image the image of it to promote
 */
record UpstreamBuild(Run<?, ?> run, BuiltImageAction image) {

    private static final Pattern SPEC = Pattern.compile("(.+)#([0-9]{1,10})");

    /**
     * The build {@code spec} names, seen from {@code from}'s job (a name relative to its folder, or absolute from
     * {@code /}), with the image of it to promote.
     *
     * @param imageName which of the build's images, when it built several; null when it built one
     * @throws AbortException if the text is no {@code JOB#NUMBER}, there is no such job or build (or the build's
     *     authentication may not read it), or the build built no such image
     */
    static UpstreamBuild find(Run<?, ?> from, String spec, String imageName) throws AbortException {
        Matcher matcher = SPEC.matcher(spec.strip());
        if (!matcher.matches()) {
            throw new AbortException(Messages.UpstreamBuild_Syntax(spec));
        }
        String jobName = matcher.group(1);
        Job<?, ?> job = Jenkins.get().getItem(jobName, from.getParent(), Job.class);
        if (job == null || !job.hasPermission(Item.READ)) {
            throw new AbortException(Messages.UpstreamBuild_NoJob(jobName));
        }
        Run<?, ?> run = job.getBuildByNumber(Integer.parseInt(matcher.group(2)));
        if (run == null) {
            throw new AbortException(Messages.UpstreamBuild_NoBuild(spec));
        }
        List<BuiltImageAction> images = run.getActions(BuiltImageAction.class);
        if (imageName != null) {
            ImageReference wanted = ImageReference.parseName(imageName);
            images = images.stream().filter(i -> ImageReference.parseName(i.getImage()).sameRepositoryAs(wanted)).toList();
        }
        if (images.size() != 1) {
            throw new AbortException(images.isEmpty() ? Messages.UpstreamBuild_NoImage(spec, imageName == null ? "" : " " + imageName)
                    : Messages.UpstreamBuild_ManyImages(spec, String.join(", ", images.stream().map(BuiltImageAction::getImage).toList())));
        }
        return new UpstreamBuild(run, images.get(0));
    }

    /** The build's absolute URL, or null when Jenkins' URL is not configured. */
    String url() {
        String root = Jenkins.get().getRootUrl();
        return root == null ? null : root + run.getUrl();
    }

    /** The application source the image was built from: the image's record, else what the Git plugin recorded. */
    BuildSource source() {
        BuildSource recorded = BuildSource.of(run, Map.of());
        return image.getSourceCommit() == null || image.getSourceCommit().equals(recorded.commit()) ? recorded
                : new BuildSource(image.getSourceCommit(), null);
    }
}
