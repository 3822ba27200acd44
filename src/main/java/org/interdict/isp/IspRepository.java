package org.interdict.isp;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class IspRepository implements PanacheRepositoryBase<Isp, String> {

    public Uni<List<Isp>> listOrdered() {
        return list("order by id");
    }

    /** The identifiers among {@code ids} that are registered. */
    public Uni<List<String>> existing(Collection<String> ids) {
        return find("id in ?1", ids).project(IdOnly.class).list()
                .map(rows -> rows.stream().map(IdOnly::id).toList());
    }

    public Uni<List<String>> activeIds() {
        return find("active = true order by id").project(IdOnly.class).list()
                .map(rows -> rows.stream().map(IdOnly::id).toList());
    }

    public record IdOnly(String id) {}
}
