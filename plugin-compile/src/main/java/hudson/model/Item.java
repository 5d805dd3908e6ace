// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Item.java at release tag jenkins-2.555.3: only the members
// the plugin uses. Checked against the source at that tag: "public interface Item extends PersistenceRoot,
// SearchableModelObject, AccessControlled, OnMaster" with the constants "Permission CONFIGURE" and "Permission
// EXTENDED_READ" (upstream initialises them with new Permission(PERMISSIONS, ...); null here). Only AccessControlled is
// kept of the supertypes: the plugin calls hasPermission on items. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionScope;

public interface Item extends AccessControlled {

    Permission CONFIGURE = new Permission(null, "Configure", null, null, PermissionScope.JENKINS);

    Permission EXTENDED_READ = new Permission(null, "ExtendedRead", null, CONFIGURE, PermissionScope.JENKINS);
}
