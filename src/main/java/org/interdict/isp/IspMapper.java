package org.interdict.isp;

import org.interdict.isp.dto.IspCreate;
import org.interdict.isp.dto.IspView;

final class IspMapper {

    private IspMapper() {}

    static IspView toView(Isp isp) {
        return new IspView(isp.id, isp.legalName, isp.licenceNumber,
                new IspView.Contact(isp.contactDepartment, isp.contactPhone, isp.contactEmail),
                isp.active, isp.createdAt, isp.updatedAt);
    }

    static void applyContact(Isp isp, IspCreate.ContactInput contact) {
        if (contact != null) {
            isp.contactDepartment = contact.department();
            isp.contactPhone = contact.phone();
            isp.contactEmail = contact.email();
        }
    }
}
