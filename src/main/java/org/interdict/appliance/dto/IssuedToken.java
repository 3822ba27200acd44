package org.interdict.appliance.dto;

/**
 * A newly issued token with the appliance it belongs to. This is the only time the token is ever shown: the
 * service keeps its hash alone, so a lost token is replaced, not recovered.
 */
public record IssuedToken(String token, ApplianceView appliance) {

    @Override
    public String toString() {
        return "IssuedToken[appliance=" + appliance + "]";
    }
}
