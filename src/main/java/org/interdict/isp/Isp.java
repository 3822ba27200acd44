package org.interdict.isp;

import java.time.Instant;

/**
 * A registered Internet service provider that directives can address: one row of {@code isp}. Never leaves the
 * service layer.
 */
public class Isp {
    public String id;
    public String legalName;
    public String licenceNumber;
    public String contactDepartment;
    public String contactPhone;
    public String contactEmail;
    public boolean active;
    public Instant createdAt;
    public Instant updatedAt;
}
