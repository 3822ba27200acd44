package org.interdict.appliance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ApplianceRepository implements PanacheRepositoryBase<Appliance, Long> {

    /** One page of an ISP's appliances, newest first, plus one extra row that tells whether another page follows. */
    Uni<List<Appliance>> page(String isp, Long afterId, int limit) {
        if (afterId == null) {
            return find("ispId = ?1 order by id desc", isp).range(0, limit).list();
        }
        return find("ispId = ?1 and id < ?2 order by id desc", isp, afterId).range(0, limit).list();
    }

    Uni<Appliance> findOf(String isp, long id) {
        return find("ispId = ?1 and id = ?2", isp, id).firstResult();
    }

    Uni<Boolean> nameTaken(String isp, String name, Long except) {
        return count("ispId = ?1 and name = ?2 and id <> ?3", isp, name, except == null ? -1L : except)
                .map(n -> n > 0);
    }
}
