package io.jenkins.plugins.gitopspromotion.promotion;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.git.GitTree;
import io.jenkins.plugins.gitopspromotion.git.History;
import io.jenkins.plugins.gitopspromotion.git.Mirror;
import io.jenkins.plugins.gitopspromotion.update.ImageVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Which promotion branches have become pointless, read from Git alone: a branch proposes, for each cell it changes, a
 * version; the base branch may since have got exactly that version (merged by hand, or promoted by another path), or
 * another one set after the branch was cut (a later promotion, a rollback). A branch of one app is moot when its cell is
 * either; a bundle's when all its cells landed or any of them was overtaken, since it can no longer land whole as
 * proposed. A branch that proposes nothing the base branch lacks is moot too. Changes nothing on the server.
 */
public final class MootBranches {

    /** Where a proposed version stands on the base branch. */
    public enum Fate {
        /** The base branch has the proposed version. */
        LANDED,
        /** The base branch's version changed after the branch was cut, to another one. */
        OVERTAKEN,
        /** The base branch's version is still the one the branch was cut from. */
        PENDING
    }

    /**
     * One cell a branch proposes a version for.
     *
     * @param app the app
     * @param proposed the version the branch has, as {@link #identity} writes it
     * @param current the base branch's version now
     * @param fate where the proposal stands
     * @param decidedBy the base branch's commit that set its version now, when the fate is not pending, else null
     * @param decidedTitle that commit's title, else null
     */
    public record Cell(String app, String proposed, String current, Fate fate, String decidedBy, String decidedTitle) {
    }

    /**
     * A promotion branch and what it proposes.
     *
     * @param branch its name
     * @param tip the commit it is at
     * @param env the environment it promotes into
     * @param bundle whether it is a bundle's branch (several apps)
     * @param cells the cells it changes, apps in the config's order
     */
    public record Proposal(String branch, ObjectId tip, String env, boolean bundle, List<Cell> cells) {

        /** Copies the list. */
        public Proposal {
            cells = List.copyOf(cells);
        }

        /** Whether the branch has become pointless. */
        public boolean moot() {
            if (cells.isEmpty()) {
                return true;
            }
            return bundle ? cells.stream().allMatch(c -> c.fate() == Fate.LANDED) || cells.stream().anyMatch(c -> c.fate() == Fate.OVERTAKEN)
                    : cells.get(0).fate() != Fate.PENDING;
        }

        /** The apps it proposes versions of. */
        public List<String> apps() {
            return cells.stream().map(Cell::app).toList();
        }

        /** The commit of the base branch that made it moot: an overtaking one first, else the one that landed last. */
        public Optional<Cell> decisive() {
            return cells.stream().filter(c -> c.fate() == Fate.OVERTAKEN).findFirst()
                    .or(() -> cells.stream().filter(c -> c.fate() == Fate.LANDED).reduce((a, b) -> b));
        }

        /**
         * Why it is moot, naming the commits: {@code main has web 1.2.0 since 0123abcd… ("Promote …")}. Versions and titles
         * come from the repository's files and messages: each is one line, quoted as code.
         */
        public String reason(String base) {
            if (cells.isEmpty()) {
                return branch + " proposes nothing " + base + " does not have";
            }
            List<String> parts = new ArrayList<>();
            for (Cell cell : cells) {
                if (cell.fate() == Fate.PENDING) {
                    continue;
                }
                String since = base + " has " + cell.app() + " " + UntrustedText.code(cell.current()) + " since " + cell.decidedBy()
                        + " (" + UntrustedText.code(cell.decidedTitle()) + ")";
                parts.add(cell.fate() == Fate.LANDED ? since : since + ", set after this branch proposed "
                        + UntrustedText.code(cell.proposed()));
            }
            return String.join("; ", parts);
        }
    }

    private MootBranches() {
    }

    /**
     * Reads what each promotion branch proposes against the base branch's tip. Branches of environments or apps the config
     * does not know, and cells that cannot be read, are left out (nothing is decided about what cannot be read). Where the
     * mirror is shallow, the histories are deepened as far as the reading needs: to where the branch was cut, and to the
     * commit that set each decided cell's version.
     *
     * @param base the base branch, whose tip is {@code baseTip}
     * @param branches the promotion branches, fetched into the mirror
     */
    public static List<Proposal> read(Mirror mirror, String base, RevCommit baseTip, PromotionConfig config,
            ChangePlanner planner, List<String> branches) throws IOException {
        List<Proposal> proposals = new ArrayList<>();
        for (String branch : branches) {
            read(mirror, base, baseTip, config, planner, branch).ifPresent(proposals::add);
        }
        return proposals;
    }

    private static Optional<Proposal> read(Mirror mirror, String base, RevCommit baseTip, PromotionConfig config,
            ChangePlanner planner, String branch) throws IOException {
        Optional<PromotionBranch> name = PromotionBranch.parse(branch);
        Optional<Environment> environment = name.flatMap(n -> config.environment(n.env()));
        if (environment.isEmpty()) {
            return Optional.empty();
        }
        List<App> apps = name.get().app().map(a -> config.app(a).stream().toList()).orElse(config.apps());
        Optional<RevCommit> found = mirror.branch(branch);
        if (apps.isEmpty() || found.isEmpty()) {
            return Optional.empty();
        }
        Repository repository = mirror.repository();
        RevCommit tip = found.get();
        RevCommit fork = forkPoint(mirror, branch, tip, base, baseTip);
        List<Cell> cells = new ArrayList<>();
        for (App app : apps) {
            Optional<String> proposed = identity(planner, new GitTree(repository, tip), config, app, environment.get());
            Optional<String> before = fork == null ? Optional.empty()
                    : identity(planner, new GitTree(repository, fork), config, app, environment.get());
            Optional<String> current = identity(planner, new GitTree(repository, baseTip), config, app, environment.get());
            if (proposed.isEmpty() || current.isEmpty()) {
                if (name.get().app().isPresent()) {
                    return Optional.empty(); // unreadable: nothing is decided about it
                }
                continue;
            }
            if (proposed.equals(before)) {
                continue; // not a cell this branch changes
            }
            Fate fate = proposed.equals(current) ? Fate.LANDED
                    : before.isPresent() && !before.equals(current) ? Fate.OVERTAKEN : Fate.PENDING;
            RevCommit setBy = fate == Fate.PENDING ? null
                    : setBy(repository, mirror.history(base), baseTip, config, app, environment.get(), planner);
            cells.add(new Cell(app.name(), proposed.get(), current.get(), fate, setBy == null ? baseTip.name() : setBy.name(),
                    (setBy == null ? baseTip : setBy).getShortMessage()));
        }
        return Optional.of(new Proposal(branch, tip.copy(), environment.get().name(), name.get().app().isEmpty(), cells));
    }

    /**
     * Where a branch was cut from the base branch: their merge base, or null when they share no history. A shallow mirror
     * holds each branch from its tip only, so both are deepened a step at a time until the merge base is readable, or
     * there is no more history to read.
     */
    private static RevCommit forkPoint(Mirror mirror, String branch, RevCommit tip, String base, RevCommit baseTip)
            throws IOException {
        History ours = mirror.history(branch);
        History theirs = mirror.history(base);
        while (true) {
            RevCommit found = mergeBase(mirror.repository(), tip, baseTip);
            if (found != null) {
                return found;
            }
            boolean more = ours.deepen(tip);
            more |= theirs.deepen(baseTip); // both: either may end before the merge base
            if (!more) {
                return null;
            }
        }
    }

    /** The merge base of two commits in the history readable now, or null. A new walk sees what deepening fetched. */
    private static RevCommit mergeBase(Repository repository, RevCommit a, RevCommit b) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            RevCommit found = walk.next();
            if (found != null) {
                walk.parseBody(found);
            }
            return found;
        }
    }

    /** The commit of the base branch that set the cell's version now, or null beyond the history read. */
    private static RevCommit setBy(Repository repository, History history, RevCommit baseTip, PromotionConfig config, App app,
            Environment environment, ChangePlanner planner) throws IOException {
        return VersionHistory.of(repository, history, baseTip, config, app, environment, planner, 1).stream().findFirst()
                .map(VersionHistory.Entry::setBy).orElse(null);
    }

    /** A cell's versions as one text, or empty when its files cannot be read. */
    private static Optional<String> identity(ChangePlanner planner, GitTree tree, PromotionConfig config, App app,
            Environment environment) throws IOException {
        try {
            return Optional.of(identity(planner.current(tree, config, app, environment)));
        } catch (RuntimeException e) { // PromotionException, YamlEditException: not readable, so not decided
            return Optional.empty();
        }
    }

    /** Versions as one text, each distinct {@link ImageVersion#describe() description} once, in order. */
    public static String identity(List<ImageVersion> versions) {
        return String.join(", ", versions.stream().map(ImageVersion::describe).distinct().toList());
    }
}
