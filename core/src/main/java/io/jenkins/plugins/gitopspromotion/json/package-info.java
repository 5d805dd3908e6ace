/** JSON for reports, results and provider APIs: one lazily made Jackson mapper. */
package io.jenkins.plugins.gitopspromotion.json;
