package io.jenkins.plugins.gitopspromotion.update;

import io.jenkins.plugins.gitopspromotion.yaml.TextEdit;

/** A text edit an updater plans, with the value change it makes. */
record PlannedEdit(TextEdit edit, ValueChange change) {
}
