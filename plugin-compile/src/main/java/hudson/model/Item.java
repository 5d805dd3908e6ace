// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Item.java (2.555 line): only the members the plugin uses.
// Checked against the stored copy at commit e3ac60afd9b6a42fd51227266f8147596ba5a76c: "public interface Item extends
// PersistenceRoot, SearchableModelObject, AccessControlled, OnMaster" with the constants "Permission CONFIGURE" and
// "Permission EXTENDED_READ" (upstream initialises them with new Permission(PERMISSIONS, ...); null here). Only
// AccessControlled is kept of the supertypes: the plugin calls hasPermission on items.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {

    Permission CONFIGURE = null;

    Permission EXTENDED_READ = null;
}
