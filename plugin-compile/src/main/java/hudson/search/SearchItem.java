// Mirrors jenkinsci/jenkins core/src/main/java/hudson/search/SearchItem.java at release tag jenkins-2.555.3: the type
// only, a supertype of Api's. Its methods (getSearchName, getSearchUrl, getSearchIndex and the defaults) are left out:
// the plugin implements none of them, and calls none.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.search;

public interface SearchItem {
}
