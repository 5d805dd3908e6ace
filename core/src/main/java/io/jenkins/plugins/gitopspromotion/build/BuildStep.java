package io.jenkins.plugins.gitopspromotion.build;

/**
 * One command of a build: building, or pushing to the registry (which decides how a failure is reported).
 *
 * @param push whether this command pushes
 * @param command what to run
 */
public record BuildStep(boolean push, ProcessCommand command) {
}
