package org.interdict.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.Set;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/** Bearer tokens for the roles of the test users. */
public final class Tokens {

    private Tokens() {}

    /** The authority of officers and supervisors unless a test names another: the Ministry of the seed data. */
    public static final String DEFAULT_AUTHORITY = "mic";

    public static String of(String subject, String... roles) {
        return build(subject, null, roles);
    }

    /** A token of someone working for {@code authority}. */
    public static String ofAuthority(String authority, String subject, String... roles) {
        return sign(claims(subject, roles).claim("authority", authority));
    }

    public static String ispEngineer(String subject, String isp) {
        return build(subject, isp, "isp-engineer");
    }

    /** A token of someone working for {@code agency}, with the role agency. */
    public static String agency(String subject, String agency) {
        return sign(claims(subject, "agency").claim("agency", agency));
    }

    /**
     * The claims of a test user's token from the test issuer, for tests that alter them before {@link #sign}.
     * Officers and supervisors work for {@link #DEFAULT_AUTHORITY}.
     */
    public static JwtClaimsBuilder claims(String subject, String... roles) {
        Set<String> groups = Set.of(roles);
        JwtClaimsBuilder claims = Jwt.issuer(JwtKeys.ISSUER).subject(subject).groups(groups)
                .claim("name", "Test " + subject).expiresIn(3600);
        if (groups.contains("officer") || groups.contains("supervisor")) {
            claims.claim("authority", DEFAULT_AUTHORITY);
        }
        return claims;
    }

    /** Signs with the key the service under test trusts. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(JwtKeys.privateKey());
    }

    /** Signs a payload given as JSON text, for claims of types the claims builder would not produce. */
    public static String signPayload(String json) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(json);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(JwtKeys.privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String build(String subject, String isp, String... roles) {
        JwtClaimsBuilder claims = claims(subject, roles);
        if (isp != null) {
            claims.claim("isp", isp);
        }
        return sign(claims);
    }
}
