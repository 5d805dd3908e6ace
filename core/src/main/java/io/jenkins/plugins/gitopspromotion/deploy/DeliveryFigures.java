package io.jenkins.plugins.gitopspromotion.deploy;

import io.jenkins.plugins.gitopspromotion.deploy.state.DeliveryMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delivery figures of a cell over a window, from its promotions (Git) and the reports about it: how often it was
 * deployed, the lead time from the source commit ({@code Source-Time}, else the promotion commit) to the first healthy
 * report covering the promotion, the share of promotions followed by a rollback or a degraded or failed report, and
 * the time from such a report (or the rollback) to the next healthy one. A report counts for a promotion when it covers
 * the promotion's commit and came before the next promotion.
 */
final class DeliveryFigures {

    /** How many days the figures look back. */
    static final int WINDOW_DAYS = 30;

    private DeliveryFigures() {
    }

    /**
     * @param promotions the cell's promotions, oldest first
     * @param reports the reports about the cell, oldest first
     */
    static DeliveryMetrics of(CellRef cell, List<CellHistory.Promotion> promotions, List<DeploymentReport> reports,
            Ancestry ancestry, Instant now) {
        Instant since = now.minus(Duration.ofDays(WINDOW_DAYS));
        List<Long> leadTimes = new ArrayList<>();
        List<Long> restores = new ArrayList<>();
        int deployments = 0;
        int changes = 0;
        int failures = 0;
        for (int i = 0; i < promotions.size(); i++) {
            CellHistory.Promotion promotion = promotions.get(i);
            if (promotion.at().isBefore(since)) {
                continue;
            }
            deployments++;
            CellHistory.Promotion next = i + 1 < promotions.size() ? promotions.get(i + 1) : null;
            Instant until = next == null ? Instant.MAX : next.at();
            List<DeploymentReport> about = reports.stream().filter(r -> r.revision() != null && !r.reported().isBefore(promotion.at())
                    && r.reported().isBefore(until) && ancestry.of(promotion.commit(), r.revision()) == Ancestry.Relation.COVERS).toList();
            Optional<DeploymentReport> healthy = about.stream().filter(r -> r.signal() == Signal.HEALTHY).findFirst();
            Instant start = promotion.sourceTime() != null ? promotion.sourceTime() : promotion.at();
            healthy.ifPresent(h -> leadTimes.add(Duration.between(start, h.reported()).toSeconds()));
            if (promotion.rollback()) {
                continue; // a rollback restores; it is not a change that can fail the rate
            }
            changes++;
            Optional<Instant> broken = about.stream().filter(r -> r.signal() == Signal.DEGRADED || r.signal() == Signal.FAILED)
                    .map(DeploymentReport::reported).findFirst().or(() -> next != null && next.rollback() ? Optional.of(next.at())
                            : Optional.empty());
            if (broken.isPresent()) {
                failures++;
                reports.stream().filter(r -> r.signal() == Signal.HEALTHY && r.reported().isAfter(broken.get()) && r.revision() != null
                        && ancestry.of(promotion.commit(), r.revision()) == Ancestry.Relation.COVERS).findFirst()
                        .ifPresent(r -> restores.add(Duration.between(broken.get(), r.reported()).toSeconds()));
            }
        }
        return new DeliveryMetrics(cell.env(), cell.app(), WINDOW_DAYS, deployments, deployments / (double) WINDOW_DAYS,
                median(leadTimes), changes == 0 ? null : failures / (double) changes, median(restores));
    }

    private static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
