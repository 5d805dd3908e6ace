/**
 * Promotion policy kept in the config repository beside the environments: holds that keep a rolled-back cell at its
 * version until someone releases it ({@code .gitops/holds.yaml}).
 */
package io.jenkins.plugins.gitopspromotion.policy;
