package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.model.Run;
import java.io.IOException;
import java.util.function.Supplier;
import jenkins.model.RunAction2;

/**
 * What the plugin keeps with a build, in {@code build.xml}: an action with no page or entry of its own (the build's
 * {@link BuildPromotionAction} shows it), which knows its build in order to save it.
 */
public abstract class BuildRecord implements RunAction2 {

    private transient Run<?, ?> run;

    /** The build's record of this type, added on first use. */
    static <T extends BuildRecord> T of(Run<?, ?> run, Class<T> type, Supplier<T> made) {
        synchronized (run) {
            T record = run.getAction(type);
            if (record == null) {
                record = made.get();
                run.addAction(record);
            }
            return record;
        }
    }

    /** The build. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** Saves the build, with this record. */
    void save() throws IOException {
        run.save();
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
