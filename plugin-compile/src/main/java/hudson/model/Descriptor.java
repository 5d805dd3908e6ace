// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java (2.555 line): only the members the plugin
// uses. Checked against the stored current copy (jakarta servlet, StaplerRequest2): "public abstract class
// Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster", "protected Descriptor()" (@since 1.278),
// "@NonNull public String getDisplayName()" (no longer abstract: it falls back to the simple class name; older stored
// copies such as commit 929adc516289d5396234ecd180be45e8d249c449 still declare it abstract), "@Override public
// synchronized void save()", "@Override public synchronized void load()". Loadable, Saveable and OnMaster are left out:
// the plugin calls load() and save() on its own GlobalConfiguration only.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Descriptor<T extends Describable<T>> {

    protected Descriptor() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
