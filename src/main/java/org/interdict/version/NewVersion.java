package org.interdict.version;

/** A version a compilation created, for whoever publishes or reports it after the commit. */
public record NewVersion(String isp, long number, String digest, VersionState state) {}
