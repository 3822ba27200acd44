package org.interdict.authority;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.interdict.authority.dto.AuthorityInput;
import org.interdict.authority.dto.AuthorityView;
import org.interdict.category.ReasonCategory;
import org.interdict.security.Actor;
import org.interdict.security.IspVisibility;

/** Between the registry's API records and its domain record, and what the audit log keeps of an authority. */
final class AuthorityMapper {

    private AuthorityMapper() {}

    /** The authority an input describes, once {@link AuthorityValidation#check} has accepted it. */
    static Authority fromInput(String id, AuthorityInput in, Instant createdAt, Instant updatedAt, int version) {
        AuthorityInput.ScopeInput scope = in.scope();
        List<String> listedIsps = scope == null || scope.isps() == null ? List.of() : scope.isps();
        Set<ReasonCategory> categories = scope == null || scope.categories() == null ? null
                : scope.categories().stream().map(ReasonCategory::fromCode)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReasonCategory.class)));
        List<Authority.ContactPoint> contacts = in.contacts() == null ? List.of() : in.contacts().stream()
                .map(p -> new Authority.ContactPoint(p.department().strip(), stripped(p.phone()), stripped(p.email())))
                .toList();
        Set<String> aliases = new LinkedHashSet<>();
        if (in.aliases() != null) {
            in.aliases().forEach(alias -> aliases.add(alias.strip()));
        }
        return new Authority(id, in.nameVi().strip(), in.nameEn().strip(), in.level(), in.parent(),
                stripped(in.jurisdiction()), contacts, List.copyOf(aliases), categories, listedIsps.isEmpty(),
                new TreeSet<>(listedIsps), in.active() == null || in.active(), createdAt, updatedAt, version);
    }

    /** The view for {@code viewer}, who sees of the ISP scope only the ISPs {@link IspVisibility} shows them. */
    static AuthorityView toView(Authority a, AuthorityRef parent, Actor viewer) {
        return new AuthorityView(a.id(), a.nameVi(), a.nameEn(), a.level(), parent, a.jurisdiction(),
                a.contacts().stream().map(p -> new AuthorityView.ContactPoint(p.department(), p.phone(), p.email())).toList(),
                a.aliases(),
                new AuthorityView.Scope(a.categories() == null ? null : a.categories().stream().sorted().toList(),
                        a.allIsps(), new TreeSet<>(a.isps()).stream().filter(i -> IspVisibility.canRead(viewer, i)).toList()),
                a.active(), a.createdAt(), a.updatedAt(), a.version());
    }

    /** The fields an administrator writes, as the audit log records them (null when unset). */
    static Map<String, Object> fields(Authority a) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("nameVi", a.nameVi());
        f.put("nameEn", a.nameEn());
        f.put("level", a.level().name());
        f.put("parent", a.parentId());
        f.put("jurisdiction", a.jurisdiction());
        f.put("contacts", a.contacts());
        f.put("aliases", a.aliases());
        f.put("categories", a.categories() == null ? null
                : a.categories().stream().sorted().map(ReasonCategory::code).toList());
        f.put("allIsps", a.allIsps());
        f.put("isps", List.copyOf(new TreeSet<>(a.isps())));
        f.put("active", a.active());
        return f;
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
