package io.jenkins.plugins.gitopspromotion.standing;

import io.jenkins.plugins.gitopspromotion.config.App;
import io.jenkins.plugins.gitopspromotion.config.ConfigLoader;
import io.jenkins.plugins.gitopspromotion.config.Environment;
import io.jenkins.plugins.gitopspromotion.config.PromotionConfig;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionEngine;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionException;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;
import io.jenkins.plugins.gitopspromotion.promotion.PromotionResult;
import io.jenkins.plugins.gitopspromotion.promotion.RepositoryAccess;
import io.jenkins.plugins.gitopspromotion.promotion.StatusReport;
import io.jenkins.plugins.gitopspromotion.promotion.VersionSource;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding.Presence;
import io.jenkins.plugins.gitopspromotion.standing.EnvironmentStanding.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where a built version stands in a config repository, from Git alone: for each app that uses its image, what each
 * environment runs, whether it has the version (or has it pending), and what a promotion of it would do now. That
 * last part is a dry run of the engine itself, so the reasons are the engine's own ({@code requires}, guards) and no
 * rule is written twice.
 */
public final class VersionStanding {

    private VersionStanding() {
    }

    /**
     * The standing of {@code version} in the repository {@code access} names.
     *
     * @param host completes each (dry-run) promotion request as the host promotes (boundary, author)
     * @return one entry per app whose names include the version's image; empty when no app uses it
     * @throws IOException if the repository cannot be reached
     */
    public static List<AppStanding> of(PromotionEngine engine, RepositoryAccess access, BuiltVersion version,
            UnaryOperator<PromotionRequest.Builder> host) throws IOException {
        PromotionConfig config = engine.readBase(access.location(), access.credentials().gitAuth(), access.base(),
                (tree, commit) -> ConfigLoader.load(tree));
        StatusReport status = engine.status(access.location(), access.credentials().gitAuth(), access.base());
        List<AppStanding> standings = new ArrayList<>();
        for (App app : config.apps()) {
            if (app.names().all().stream().noneMatch(name -> name.sameRepositoryAs(version.image()))) {
                continue;
            }
            List<EnvironmentStanding> environments = new ArrayList<>();
            for (Environment environment : config.environments()) {
                environments.add(standing(engine, access, version, host, app, status.cell(app.name(), environment.name())));
            }
            standings.add(new AppStanding(app.name(), environments));
        }
        return standings;
    }

    private static EnvironmentStanding standing(PromotionEngine engine, RepositoryAccess access, BuiltVersion version,
            UnaryOperator<PromotionRequest.Builder> host, App app, StatusReport.Cell cell) throws IOException {
        String runs = cell.error() != null ? null : cell.digest() == null && cell.tag() == null ? String.join(", ", cell.versions())
                : cell.tag() == null ? cell.digest() : cell.digest() == null ? cell.tag() : cell.tag() + "@" + cell.digest();
        Presence presence = version.is(cell.tag(), cell.digest()) ? Presence.HERE
                : version.isNamedBy(cell.pending()) ? Presence.PENDING : Presence.ABSENT;
        if (presence == Presence.HERE) {
            return new EnvironmentStanding(cell.env(), runs, presence, cell.pendingBranch(), Verdict.THERE, null);
        }
        PromotionRequest.Builder request = host.apply(access.request(cell.env())).app(app.name())
                .version(new VersionSource.Given(version.tag(), version.digest())).dryRun(true);
        if (!app.image().sameRepositoryAs(version.image())) {
            request.imageName(version.image()); // the build pushed under another of the app's names
        }
        PromotionResult result;
        try {
            result = engine.promote(request.build());
        } catch (PromotionException | IllegalArgumentException e) {
            return new EnvironmentStanding(cell.env(), runs, presence, cell.pendingBranch(), Verdict.REFUSED, e.getMessage());
        }
        // A dry run plans the commit without looking at promotion branches: a version one proposes is not entered again.
        Verdict verdict = switch (result.status()) {
            case PLANNED, PROMOTED, UNCHANGED -> presence == Presence.PENDING ? Verdict.PROPOSED
                    : result.status() == PromotionResult.Status.UNCHANGED ? Verdict.THERE : Verdict.MAY_ENTER;
            case REFUSED -> Verdict.REFUSED;
        };
        return new EnvironmentStanding(cell.env(), runs, presence, cell.pendingBranch(), verdict,
                verdict == Verdict.REFUSED ? result.reason() : null);
    }
}
