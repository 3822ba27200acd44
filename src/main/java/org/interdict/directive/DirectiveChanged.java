package org.interdict.directive;

/** Fired after a change that may alter what ISPs must enforce (approval, revocation, activation, expiry). */
public record DirectiveChanged(long directiveId, String change) {}
