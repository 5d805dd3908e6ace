// Mirrors jenkinsci/remoting src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java at release tag
// 3355.v388858a_47b_33: the type only, the supertype through which TaskListener and FilePath are Serializable; its
// restricted default getChannelForSerialization() is left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package org.jenkinsci.remoting;

import java.io.Serializable;

public interface SerializableOnlyOverRemoting extends Serializable {
}
