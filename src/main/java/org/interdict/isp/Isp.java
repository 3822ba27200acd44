package org.interdict.isp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered Internet service provider that directives can address. */
@Entity
@Table(name = "isp")
public class Isp extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "legal_name")
    public String legalName;

    @Column(name = "licence_number")
    public String licenceNumber;

    @Column(name = "contact_department")
    public String contactDepartment;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
