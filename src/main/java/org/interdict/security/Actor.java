package org.interdict.security;

import java.util.Set;

/**
 * Who makes a request: recorded as the actor of every change. {@code isp} is set for ISP engineers and appliances,
 * {@code authority} (the id of the authority a person works for) for officers and supervisors, {@code agency} for the
 * people of an agency.
 */
public record Actor(String subject, String name, Set<String> roles, String isp, String authority, String agency) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Officers, supervisors, auditors and administrators work across ISPs; engineers and appliances do not. */
    public boolean readsEveryIsp() {
        return has(Roles.OFFICER) || has(Roles.SUPERVISOR) || has(Roles.AUDITOR) || has(Roles.ADMIN);
    }

    /** The name shown in records: the display name when the token carries one. */
    public String displayName() {
        return name == null || name.isBlank() ? subject : name;
    }
}
