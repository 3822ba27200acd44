package org.interdict.appliance;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the kind by its public code, so the column reads like the API. */
@Converter
public class ApplianceKindConverter implements AttributeConverter<ApplianceKind, String> {

    @Override
    public String convertToDatabaseColumn(ApplianceKind kind) {
        return kind == null ? null : kind.code();
    }

    @Override
    public ApplianceKind convertToEntityAttribute(String code) {
        return code == null ? null : ApplianceKind.fromCode(code);
    }
}
