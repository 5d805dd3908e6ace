package io.jenkins.plugins.gitopspromotion.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * Which branches (names and patterns) a mirror has fetched, kept in its config, so that one it has not is fetched
 * shallow the first time: its tip alone, which is all a promotion reads. Fetching a branch first seen without a depth
 * would bring its whole history where it forks off before the history the mirror holds (a promotion branch made from
 * an older tip), as {@code git fetch} does in a shallow clone. A branch fetched before is fetched without a depth:
 * what is new since, on top of what the mirror holds.
 *
 * <p>A mirror made before shallow fetches has no such record and was fetched whole; it is left as it is.
 */
final class FetchedBranches {

    private static final String SECTION = "gitops-promotion";
    private static final String SHALLOW = "shallowFirstFetch";
    private static final String FETCHED = "fetched";

    /** Branches to fetch: those fetched before, and those to fetch shallow. */
    record Split(List<String> known, List<String> fresh) {
    }

    private FetchedBranches() {
    }

    /** Marks a new, empty mirror as one whose branches are fetched shallow the first time (its caller saves the config). */
    static void startShallow(StoredConfig config) {
        config.setBoolean(SECTION, null, SHALLOW, true);
    }

    /** Splits {@code branches} into those fetched before and those not (all known in a mirror not marked). */
    static Split split(Repository repository, Collection<String> branches) {
        StoredConfig config = repository.getConfig();
        if (!config.getBoolean(SECTION, null, SHALLOW, false)) {
            return new Split(List.copyOf(branches), List.of());
        }
        List<String> fetched = Arrays.asList(config.getStringList(SECTION, null, FETCHED));
        List<String> known = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (String branch : branches) {
            (fetched.stream().anyMatch(f -> covers(f, branch)) ? known : fresh).add(branch);
        }
        return new Split(known, fresh);
    }

    /** Remembers that {@code branches} were fetched. */
    static void record(Repository repository, Collection<String> branches) throws IOException {
        StoredConfig config = repository.getConfig();
        List<String> fetched = new ArrayList<>(Arrays.asList(config.getStringList(SECTION, null, FETCHED)));
        fetched.addAll(branches);
        config.setStringList(SECTION, null, FETCHED, fetched);
        config.save();
    }

    /** Whether fetching {@code fetched} fetched {@code branch} too: the same, or under the same pattern. */
    static boolean covers(String fetched, String branch) {
        return fetched.equals(branch) || fetched.endsWith("*") && branch.startsWith(fetched.substring(0, fetched.length() - 1));
    }
}
