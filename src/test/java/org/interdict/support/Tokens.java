package org.interdict.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.Set;

/** Bearer tokens for the roles of the test users. */
public final class Tokens {

    private Tokens() {}

    public static String of(String subject, String... roles) {
        return build(subject, null, roles);
    }

    public static String ispEngineer(String subject, String isp) {
        return build(subject, isp, "isp-engineer");
    }

    private static String build(String subject, String isp, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(JwtKeys.ISSUER).subject(subject).groups(Set.of(roles))
                .claim("name", "Test " + subject).expiresIn(3600);
        if (isp != null) {
            claims.claim("isp", isp);
        }
        return claims.sign(JwtKeys.privateKey());
    }
}
