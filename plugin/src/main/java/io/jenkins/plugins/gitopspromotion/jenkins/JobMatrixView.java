package io.jenkins.plugins.gitopspromotion.jenkins;

import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.pr.ProviderDetection;
import io.jenkins.plugins.gitopspromotion.standing.BuildMatrix;
import io.jenkins.plugins.gitopspromotion.view.CommitInfo;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What a job's GitOps Promotion page shows, as plain objects with getters (Jelly reads nothing else), exported for
 * scripts: per registered repository and app, the job's recent builds × the environments, each cell marked when the
 * build's version runs there now, ran there, or is pending there.
 */
public final class JobMatrixView {

    private JobMatrixView() {
    }

    /** One app of one repository. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Table {
        private final String repository;
        private final String app;
        private final List<String> environments;
        private final List<Row> rows;
        private final String error;

        Table(String repository, String app, List<String> environments, List<Row> rows, String error) {
            this.repository = repository;
            this.app = app;
            this.environments = List.copyOf(environments);
            this.rows = List.copyOf(rows);
            this.error = error;
        }

        /** A repository that could not be read. */
        static Table failed(String repository, String error) {
            return new Table(repository, null, List.of(), List.of(), error);
        }

        /** The registered repository's id. */
        @Exported
        public String getRepository() {
            return repository;
        }

        /** The app, or null when the repository could not be read. */
        @Exported
        public String getApp() {
            return app;
        }

        /** Why the repository could not be read, or null. */
        @Exported
        public String getError() {
            return error;
        }

        /** The columns, in promotion order. */
        @Exported
        public List<String> getEnvironments() {
            return environments;
        }

        /** The builds, newest first. */
        @Exported
        public List<Row> getRows() {
            return rows;
        }
    }

    /** One build's image. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Row {
        private final int number;
        private final String url;
        private final String reference;
        private final List<Cell> cells;

        Row(int number, String url, String reference, List<Cell> cells) {
            this.number = number;
            this.url = url;
            this.reference = reference;
            this.cells = List.copyOf(cells);
        }

        /** The build's number. */
        @Exported
        public int getNumber() {
            return number;
        }

        /** The build's URL relative to Jenkins' root, ending in a slash. */
        @Exported
        public String getUrl() {
            return url;
        }

        /** The image it built. */
        @Exported
        public String getReference() {
            return reference;
        }

        /** One per environment, in promotion order. */
        @Exported
        public List<Cell> getCells() {
            return cells;
        }
    }

    /** Where a build's version is in one environment. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Cell {
        private final BuildMatrix.Mark mark;
        private final String link;

        private Cell(BuildMatrix.Mark mark, String link) {
            this.mark = mark;
            this.link = link;
        }

        /**
         * A cell, with a link to the commit that set the version on the Git host (when it is one whose pages are known)
         * or to the pull request that proposes it.
         */
        static Cell of(BuildMatrix.Mark mark, RepositoryLocation location) {
            String link = switch (mark.place()) {
                case NOW, WAS -> mark.setBy() == null ? null : ProviderDetection.commitLink(location, mark.setBy().id()).orElse(null);
                case PENDING -> mark.pending().pullRequest() == null ? null : PromotionRecord.webLink(mark.pending().pullRequest().url());
                case NEVER -> null;
            };
            return new Cell(mark, link);
        }

        /** {@code NOW}, {@code WAS}, {@code PENDING} or {@code NEVER}. */
        @Exported
        public String getPlace() {
            return mark.place().name();
        }

        /** The commit that set the version, or null. */
        @Exported
        public String getCommit() {
            return mark.setBy() == null ? null : mark.setBy().id();
        }

        /** The promotion branch that proposes it, or null. */
        @Exported
        public String getBranch() {
            return mark.pending() == null ? null : mark.pending().branch();
        }

        /** A web link to the commit or the pull request, or null. */
        @Exported
        public String getLink() {
            return link;
        }

        /** The symbol people see: ★ now, ☆ was, … pending, nothing else. */
        public String getSymbol() {
            return switch (mark.place()) {
                case NOW -> "★";
                case WAS -> "☆";
                case PENDING -> "…";
                case NEVER -> "";
            };
        }

        /** What the cell means, for its tooltip: who set it and when, or the branch. */
        public String getTitle() {
            CommitInfo setBy = mark.setBy();
            return switch (mark.place()) {
                case NOW -> Messages.JobMatrixView_Now(setBy == null ? "-" : setBy.author() + ", " + setBy.time());
                case WAS -> Messages.JobMatrixView_Was(setBy == null ? "-" : setBy.author() + ", " + setBy.time());
                case PENDING -> Messages.JobMatrixView_Pending(mark.pending().branch());
                case NEVER -> "";
            };
        }
    }
}
