package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.model.Run;
import hudson.plugins.git.Revision;
import hudson.plugins.git.util.BuildData;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.pr.ProviderDetection;
import java.util.Map;

/**
 * The application source a build promotes from, for the promotion's provenance (commit trailers, the pull request):
 * {@code GIT_COMMIT} and {@code GIT_URL} where the build's environment has them (freestyle jobs, declarative
 * Pipelines), else what the Git plugin recorded on the build ({@code checkout scm} in a scripted Pipeline sets no
 * variables), with a web link to the commit on hosts whose pages are known.
 *
 * @param commit the source commit, or null
 * @param link a web link to it, or null
 */
record BuildSource(String commit, String link) {

    /** The source of {@code run}, whose environment is {@code env}. */
    static BuildSource of(Run<?, ?> run, Map<String, String> env) {
        String commit = env.get("GIT_COMMIT");
        String url = env.get("GIT_URL");
        if (commit == null) {
            for (BuildData data : run.getActions(BuildData.class)) {
                Revision revision = data.getLastBuiltRevision();
                if (revision != null) {
                    commit = revision.getSha1String();
                    url = data.getRemoteUrls().stream().findFirst().orElse(null);
                    break;
                }
            }
        }
        return new BuildSource(commit, commit == null ? null : link(url, commit));
    }

    private static String link(String url, String commit) {
        if (url == null) {
            return null;
        }
        try {
            return ProviderDetection.commitLink(RepositoryLocation.parse(url), commit).orElse(null);
        } catch (IllegalArgumentException e) {
            return null; // not a URL the engine reads: no link
        }
    }
}
