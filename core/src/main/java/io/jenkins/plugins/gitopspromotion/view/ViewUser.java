package io.jenkins.plugins.gitopspromotion.view;

import io.jenkins.plugins.gitopspromotion.promotion.PromotionRequest;

/**
 * Who asks the view for a change (promote to the next environment, roll back): what they may change, and how the
 * change records them. The Jenkins plugin checks the user's permissions per repository and environment and records
 * the user as the commit's author and in a {@code Promoted-By} trailer; {@code gitops-promotion serve} has one user,
 * the one who started it.
 */
public interface ViewUser {

    /** The one user of a local view: may change anything, recorded as the host records every promotion. */
    ViewUser LOCAL = new ViewUser() {
        @Override
        public void checkMayChange(String app, String environment) {
            // the person who started serve
        }

        @Override
        public PromotionRequest.Builder record(PromotionRequest.Builder request) {
            return request;
        }
    };

    /**
     * Checks this user may change {@code app} in {@code environment}, before anything is read or written for it.
     *
     * @throws ChangeForbiddenException naming what the user may not do
     */
    void checkMayChange(String app, String environment);

    /** The request, recording this user (as its author, in its trailers). */
    PromotionRequest.Builder record(PromotionRequest.Builder request);

    /** A change this user may not make: answered with 403 and the message, which names no secret. */
    final class ChangeForbiddenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** @param message what the user may not do */
        public ChangeForbiddenException(String message) {
            super(message);
        }
    }
}
