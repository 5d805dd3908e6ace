// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Action.java (2.555 line): the methods an implementing plugin
// class must see. Checked against the stored copy at commit 0191e6452401c8e5ea546d9cc49e0f8b61aabcaa (the current form
// with the menu defaults getGroup/getAction/getId/getSemantic/getBadge, which the plugin does not use):
// "@CheckForNull String getIconFileName()", "@Override @CheckForNull String getDisplayName()",
// "@CheckForNull default String getUrlName()".
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public interface Action extends ModelObject {

    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    default String getUrlName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
