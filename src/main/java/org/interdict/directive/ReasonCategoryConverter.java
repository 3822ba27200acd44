package org.interdict.directive;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the category by its public code, so the column reads like the API. */
@Converter
public class ReasonCategoryConverter implements AttributeConverter<ReasonCategory, String> {

    @Override
    public String convertToDatabaseColumn(ReasonCategory category) {
        return category == null ? null : category.code();
    }

    @Override
    public ReasonCategory convertToEntityAttribute(String code) {
        return code == null ? null : ReasonCategory.fromCode(code);
    }
}
