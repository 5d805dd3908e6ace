package io.jenkins.plugins.gitopspromotion.standing;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionException;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding.Presence;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding.Verdict;
import io.jenkins.plugins.gitopspromotion.view.AppRow;
import io.jenkins.plugins.gitopspromotion.view.PromotionView;
import io.jenkins.plugins.gitopspromotion.view.ViewCell;
import io.jenkins.plugins.gitopspromotion.view.ViewState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where a built version stands in a config repository, from Git alone: for each app that uses its image, what each
 * environment runs, whether it has the version (or has it pending, with its pull request), and what a promotion of
 * it would do now. The state is the promotion view's own (kept warm between calls); what a promotion would do is a
 * dry run of the engine itself, so the reasons are the engine's own ({@code requires}, guards) and no rule is
 * written twice.
 */
public final class VersionStanding {

    private VersionStanding() {
    }

    /**
     * The standing of {@code version} in the repository {@code access} names.
     *
     * @param view the repository's view, which reads what each environment runs and has pending
     * @param host completes each (dry-run) promotion request as the host promotes (boundary, author)
     * @return one entry per app whose names include the version's image; empty when no app uses it
     * @throws IOException if the repository cannot be reached
     */
    public static List<AppStanding> of(PromotionView view, PromotionEngine engine, RepositoryAccess access, BuiltVersion version,
            UnaryOperator<PromotionRequest.Builder> host) throws IOException {
        ViewState state = view.status();
        PromotionConfig config = view.config();
        List<AppStanding> standings = new ArrayList<>();
        for (App app : usersOf(config, version)) {
            List<EnvironmentStanding> environments = new ArrayList<>();
            for (ViewCell cell : row(state, app.name()).cells()) {
                environments.add(standing(engine, access, version, host, app, cell));
            }
            standings.add(new AppStanding(app.name(), environments));
        }
        return standings;
    }

    /**
     * Promotes {@code version} of {@code app} into {@code env}, as the standing's dry run planned it.
     *
     * @param host completes the request as the host promotes (boundary, author, who asked, provenance)
     * @throws IOException if the repository cannot be reached, or the promotion cannot be carried out
     */
    public static PromotionResult promote(PromotionEngine engine, RepositoryAccess access, BuiltVersion version, String app,
            String env, UnaryOperator<PromotionRequest.Builder> host) throws IOException {
        return engine.promote(request(access, version, app, env, host).build());
    }

    /** The apps among whose image names is the version's image. */
    static List<App> usersOf(PromotionConfig config, BuiltVersion version) {
        return config.apps().stream().filter(app -> app.names().all().stream().anyMatch(name -> name.sameRepositoryAs(version.image())))
                .toList();
    }

    /** The view's row of an app. */
    static AppRow row(ViewState state, String app) {
        return state.apps().stream().filter(row -> row.app().equals(app)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the view has no row for " + app));
    }

    /** A promotion of the built version: under the name the build pushed, when it is another of the app's names. */
    private static PromotionRequest.Builder request(RepositoryAccess access, BuiltVersion version, String app, String env,
            UnaryOperator<PromotionRequest.Builder> host) {
        return host.apply(access.request(env)).image(version.image()).app(app)
                .version(new VersionSource.Given(version.tag(), version.digest()));
    }

    private static EnvironmentStanding standing(PromotionEngine engine, RepositoryAccess access, BuiltVersion version,
            UnaryOperator<PromotionRequest.Builder> host, App app, ViewCell cell) throws IOException {
        String runs = cell.error() != null ? null : cell.digest() == null && cell.tag() == null ? String.join(", ", cell.references())
                : cell.tag() == null ? cell.digest() : cell.digest() == null ? cell.tag() : cell.tag() + "@" + cell.digest();
        Presence presence = version.is(cell.tag(), cell.digest()) ? Presence.HERE
                : version.isProposedBy(cell.pending()) ? Presence.PENDING : Presence.ABSENT;
        if (presence == Presence.HERE) {
            return new EnvironmentStanding(cell.env(), runs, presence, cell.pending(), Verdict.THERE, null);
        }
        PromotionResult result;
        try {
            result = engine.promote(request(access, version, app.name(), cell.env(), host).dryRun(true).build());
        } catch (PromotionException | IllegalArgumentException e) {
            return new EnvironmentStanding(cell.env(), runs, presence, cell.pending(), Verdict.REFUSED, e.getMessage());
        }
        // A dry run plans the commit without looking at promotion branches: a version one proposes is not entered again.
        Verdict verdict = switch (result.status()) {
            // RELEASED is the outcome of a release, never of a promotion's dry run; it reads as a change that may land.
            case PLANNED, PROMOTED, UNCHANGED, RELEASED -> presence == Presence.PENDING ? Verdict.PROPOSED
                    : result.status() == PromotionResult.Status.UNCHANGED ? Verdict.THERE : Verdict.MAY_ENTER;
            case REFUSED -> Verdict.REFUSED;
        };
        return new EnvironmentStanding(cell.env(), runs, presence, cell.pending(), verdict,
                verdict == Verdict.REFUSED ? result.reason() : null);
    }
}
