package org.interdict.directive;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Remembers which directive a client's {@code Idempotency-Key} created, per actor. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "directive_id")
    public Long directiveId;

    @Column(name = "created_at")
    public Instant createdAt;

    static String idOf(String actor, String key) {
        return actor + "\n" + key;
    }
}
