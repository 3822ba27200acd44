package org.interdict.console;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import org.interdict.agency.AgencyService;
import org.interdict.alert.AlertPeriodService;
import org.interdict.authority.AuthorityService;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.security.Actor;
import org.interdict.security.CurrentActor;
import org.interdict.security.dto.CallerView;

/**
 * One browser request to the console: its language (the {@code lang} cookie the switch sets, else the first of
 * Vietnamese or English in {@code Accept-Language}, else Vietnamese) and the page context built from the caller.
 */
@RequestScoped
public class Visit {

    static final String LANGUAGE_COOKIE = "lang";
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final HttpServerRequest request;
    private final CurrentActor actor;
    private final AuthorityService authorities;
    private final IspService isps;
    private final AgencyService agencies;
    private final AlertPeriodService alertPeriods;
    private final InterdictConfig config;

    /** Where the CSRF filter leaves this request's token; absent when the request was refused before the filter ran. */
    private static final String CSRF_TOKEN = "csrf_token";

    private final RoutingContext routing;

    /** The GET address of the page a POST is answered with, when the form was refused and its page shown again. */
    private String shownPage;

    public Visit(RoutingContext routing, CurrentActor actor, AuthorityService authorities, IspService isps,
            AgencyService agencies, AlertPeriodService alertPeriods, InterdictConfig config) {
        this.routing = routing;
        this.alertPeriods = alertPeriods;
        this.request = routing.request();
        this.actor = actor;
        this.authorities = authorities;
        this.isps = isps;
        this.agencies = agencies;
        this.config = config;
    }

    public Actor actor() {
        return actor.get();
    }

    public Locale locale() {
        Cookie chosen = request.getCookie(LANGUAGE_COOKIE);
        if (chosen != null && supported(chosen.getValue()) != null) {
            return supported(chosen.getValue());
        }
        String accepted = request.getHeader("Accept-Language");
        if (accepted != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accepted)) {
                    Locale found = supported(range.getRange());
                    if (found != null) {
                        return found;
                    }
                }
            } catch (IllegalArgumentException e) {
                return VIETNAMESE; // a malformed header says nothing
            }
        }
        return VIETNAMESE;
    }

    /** Vietnamese or English for a language tag ("vi", "en-GB"), else null. */
    static Locale supported(String tag) {
        String language = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (language.equals("vi") || language.startsWith("vi-")) {
            return VIETNAMESE;
        }
        if (language.equals("en") || language.startsWith("en-")) {
            return Locale.ENGLISH;
        }
        return null;
    }

    public PageContext context() {
        Actor caller = actor.get();
        Locale locale = locale();
        // A page shown in answer to a POST has the POST's address, which the language switch cannot go back to.
        String path = request.method() == HttpMethod.GET ? request.uri() : shownPage != null ? shownPage : "/";
        return new PageContext(CallerView.of(caller), actingFor(caller, locale), locale, config.console().timeZone(),
                path, csrfToken(), alertPeriods.active(caller));
    }

    /** The token this request's forms carry; null when the request was refused before the CSRF filter ran. */
    public String csrfToken() {
        return routing.get(CSRF_TOKEN);
    }

    /** Names the GET address of the page about to be shown in answer to a POST (a refused form, shown again). */
    void showing(String pageAddress) {
        this.shownPage = pageAddress;
    }

    /** The template in the visitor's language. */
    public TemplateInstance localized(TemplateInstance template) {
        return template.setLocale(locale());
    }

    /**
     * The name of the authority, ISP or agency the caller acts for; its id when it is not (or no longer) registered.
     */
    private String actingFor(Actor caller, Locale locale) {
        try {
            if (caller.authority() != null) {
                var authority = authorities.get(caller.authority(), caller);
                return locale.getLanguage().equals("vi") ? authority.nameVi() : authority.nameEn();
            }
            if (caller.isp() != null) {
                return isps.get(caller.isp(), caller).legalName();
            }
            if (caller.agency() != null) {
                var agency = agencies.get(caller.agency(), caller);
                return locale.getLanguage().equals("vi") ? agency.nameVi() : agency.nameEn();
            }
        } catch (ProblemException unknown) {
            return caller.authority() != null ? caller.authority() : caller.isp() != null ? caller.isp()
                    : caller.agency();
        }
        return null;
    }
}
