/** Files and folders on this machine that only their owner may read: build scratch folders, the mirror cache. */
package io.jenkins.plugins.gitopspromotion.files;
