package org.interdict.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.interdict.support.Api;
import org.interdict.support.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in through the real Keycloak that scripts/test.sh starts (scripts/keycloak.sh start, for a single run):
 * the browser's authorization-code flow through Keycloak's own login form and back out, the API with Keycloak's
 * access tokens, and the API's refusals, which are 401 problems and never redirects.
 */
@QuarkusTest
class KeycloakSignInApiTest {

    private static final String SECRET = "interdict-development-secret-not-for-production";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI root;

    private static String realm;

    @BeforeAll
    static void keycloakAnswers() throws Exception {
        realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        HttpResponse<String> discovery;
        try {
            discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(realm + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("No Keycloak at " + realm + ": scripts/test.sh starts one, "
                    + "or run scripts/keycloak.sh start before the tests", e);
        }
        assertThat(discovery.statusCode()).as("the interdict realm at " + realm).isEqualTo(200);
    }

    @Test
    void aBrowserSignsInThroughKeycloaksLoginFormAndOutAgain() throws Exception {
        BrowserCookies cookies = new BrowserCookies();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> challenge = get(browser, root);
        assertThat(challenge.statusCode()).isEqualTo(302);
        String authorize = location(challenge);
        assertThat(authorize).startsWith(realm + "/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=interdict", "state=", "code_challenge=",
                        "code_challenge_method=S256");
        HttpCookie state = cookieStartingWith(cookies, "q_auth");
        assertThat(state.isHttpOnly()).isTrue();
        assertThat(setCookie(challenge, "q_auth")).containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> loginPage = get(browser, URI.create(authorize));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> afterLogin = post(browser, loginAction(loginPage.body()),
                Map.of("username", "mic-officer", "password", "dev-mic-officer", "credentialId", ""));
        assertThat(afterLogin.statusCode()).as(afterLogin.body()).isEqualTo(302);
        assertThat(location(afterLogin)).startsWith(root.toString()).contains("code=", "state=");

        HttpResponse<String> codeExchanged = get(browser, URI.create(location(afterLogin)));
        assertThat(codeExchanged.statusCode()).isEqualTo(302);
        assertThat(location(codeExchanged)).isEqualTo(root.toString());
        assertThat(setCookie(codeExchanged, "q_session")).containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> page = get(browser, root);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<strong id=\"name\">Nguyễn Văn An</strong>", "<dd id=\"roles\">Cán bộ</dd>",
                "<code id=\"authority\">mic</code>", "href=\"/logout\"").doesNotContain("id=\"isp\"");

        HttpResponse<String> logout = get(browser, root.resolve("/logout"));
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = location(logout);
        assertThat(endSession).startsWith(realm + "/protocol/openid-connect/logout?")
                .contains("id_token_hint=", "post_logout_redirect_uri=" + URLEncoder.encode(root.toString(), StandardCharsets.UTF_8));
        HttpResponse<String> signedOut = get(browser, URI.create(endSession));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(location(signedOut)).startsWith(root.toString());

        // Keycloak's session is over too: the page sends the browser back to a login form.
        HttpResponse<String> again = get(browser, root);
        assertThat(again.statusCode()).isEqualTo(302);
        HttpResponse<String> loginAgain = get(browser, URI.create(location(again)));
        assertThat(loginAgain.statusCode()).isEqualTo(200);
        assertThat(LOGIN_FORM.matcher(loginAgain.body()).find()).isTrue();
    }

    @Test
    void behindATlsProxyTheSignInCookiesAreSecure() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> challenge = browser.send(HttpRequest.newBuilder(root).header("X-Forwarded-Proto", "https")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(challenge.statusCode()).isEqualTo(302);
        assertThat(setCookie(challenge, "q_auth")).contains("Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void keycloakAccessTokensCarryRolesAndAuthorityIntoTheApi() {
        String officer = keycloakToken("mic-officer");
        me(officer).body("name", equalTo("Nguyễn Văn An")).body("roles", contains("officer"))
                .body("authority", equalTo("mic")).body("isp", nullValue());
        String subject = me(officer).extract().path("subject");
        Map<String, Object> draft = Api.directive(Api.unique("KC"), Instant.now(), null);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(draft).post("/api/v1/directives")
                .then().statusCode(201).body("created.by", equalTo(subject)).body("created.name", equalTo("Nguyễn Văn An"))
                .body("authority.id", equalTo("mic"));

        String supervisor = keycloakToken("qnam-supervisor");
        me(supervisor).body("name", equalTo("Huỳnh Thị Hoa")).body("roles", contains("supervisor"))
                .body("authority", equalTo("dic-quang-nam"));
        given().auth().oauth2(supervisor).get("/api/v1/compliance").then().statusCode(200);

        String engineer = keycloakToken("vnpt-engineer");
        me(engineer).body("roles", contains("isp-engineer")).body("isp", equalTo("vnpt")).body("authority", nullValue());
        given().auth().oauth2(engineer).get("/api/v1/isps").then().statusCode(200).body("id", contains("vnpt"));
        given().auth().oauth2(engineer).contentType(ContentType.JSON).body(draft).post("/api/v1/directives")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theApiAnswersMissingCredentialsWithAProblemNeverARedirect() {
        for (String accept : List.of("application/json", "text/html,application/xhtml+xml,*/*;q=0.8")) {
            Response response = given().redirects().follow(false).header("Accept", accept).get("/api/v1/me");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.header("Location")).isNull();
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("code")).isEqualTo("unauthenticated");
        }
        // A session cookie that is not one (expired, forged) does not turn the API into a sign-in page either.
        refused(given().redirects().follow(false).cookie("q_session", "not-a-session"));
    }

    /** Appliances keep their own tokens beside OpenID Connect, and may ask who they are too. */
    @Test
    void applianceTokensStillAuthenticateAppliances() {
        String isp = Api.newIsp();
        String appliance = Api.registerAppliance(isp, "resolver-me");
        me(appliance).body("roles", contains("appliance")).body("isp", equalTo(isp)).body("authority", nullValue());
        refused(bearer("itd_" + "x".repeat(40)));
    }

    @Test
    void tokensOfAnotherIssuerExpiredOrWithoutAuthorityAreRefused() throws Exception {
        var stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        refused(bearer(Jwt.issuer("https://idp.elsewhere.example/realms/interdict").subject("stranger")
                .groups(Set.of("admin")).expiresIn(600).sign(stranger.getPrivate())));
        // Keycloak's issuer, someone else's key.
        refused(bearer(Jwt.issuer(realm).subject("forger").audience("interdict").claim("realm_access",
                Map.of("roles", List.of("admin"))).expiresIn(600).sign(stranger.getPrivate())));
        Instant now = Instant.now();
        refused(bearer(Tokens.sign(Tokens.claims("officer-expired", "officer").issuedAt(now.minus(Duration.ofMinutes(10)))
                .expiresAt(now.minusSeconds(30)))));
        refused(bearer(Tokens.sign(Tokens.claims("officer-nowhere", "officer").remove("authority"))));
        refused(bearer("not.a.token"));
        // A Keycloak token altered after signing.
        String token = keycloakToken("mic-auditor");
        String[] parts = token.split("\\.");
        JsonNode payload = JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("realm_access")).putArray("roles").add("admin");
        refused(bearer(parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsBytes(payload)) + "." + parts[2]));
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return given().redirects().follow(false).auth().oauth2(token);
    }

    private static void refused(io.restassured.specification.RequestSpecification request) {
        Response response = request.get("/api/v1/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header("Location")).isNull();
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isEqualTo("unauthenticated");
    }

    private static io.restassured.response.ValidatableResponse me(String token) {
        return given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
    }

    /** An access token for a demo user of the realm, by the password grant (as scripts/token.sh --user). */
    private static String keycloakToken(String user) {
        return given().baseUri(realm).formParams(Map.of("grant_type", "password", "client_id", "interdict",
                        "client_secret", SECRET, "username", user, "password", "dev-" + user))
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, Map<String, String> form)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI loginAction(String page) {
        Matcher form = LOGIN_FORM.matcher(page);
        assertThat(form.find()).as("Keycloak's login form").isTrue();
        return URI.create(form.group(1).replace("&amp;", "&"));
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
    }

    private static String setCookie(HttpResponse<?> response, String prefix) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + prefix + "* in " + response.headers().map()));
    }

    private static HttpCookie cookieStartingWith(BrowserCookies cookies, String prefix) {
        return cookies.jar.getCookieStore().getCookies().stream().filter(c -> c.getName().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + prefix + "*"));
    }

    /**
     * A browser's cookies: browsers treat {@code http://localhost} as a secure context and send it the cookies
     * marked {@code Secure}, as Keycloak's login form expects; {@link CookieManager} alone sends them over https only.
     */
    private static final class BrowserCookies extends CookieHandler {

        final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            try {
                return jar.get(new URI("https", null, uri.getHost(), uri.getPort(), uri.getPath(), null, null), headers);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            jar.put(uri, headers);
        }
    }
}
