package org.interdict.security.dto;

import java.util.List;
import org.interdict.security.Actor;

/**
 * Who the caller is, as the service sees it: the subject recorded on every change, the name shown beside it, the
 * roles, and the authority (officers, supervisors) ISP (engineers, appliances) or agency the caller acts for.
 */
public record CallerView(String subject, String name, List<String> roles, String authority, String isp,
        String agency) {

    public CallerView {
        roles = List.copyOf(roles);
    }

    public static CallerView of(Actor actor) {
        return new CallerView(actor.subject(), actor.displayName(), actor.roles().stream().sorted().toList(),
                actor.authority(), actor.isp(), actor.agency());
    }
}
