package org.interdict.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.interdict.compile.RuleMatcher.Match;
import org.interdict.target.TargetType;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {

    private final RuleMatcher matcher = new RuleMatcher(new RuleSetCompiler().compile(List.of(
            new TargetRule(1353, TargetType.DOMAIN_TREE, "example.vn"),
            new TargetRule(7, TargetType.DOMAIN, "bad.vn"),
            new TargetRule(8, TargetType.URL, "https://news.vn/a?b=1"),
            new TargetRule(9, TargetType.IP, "198.51.100.0/24"),
            new TargetRule(10, TargetType.IP, "2001:db8::/48")), List.of()).ruleSet());

    @Test
    void nameMatchesItsTreeAndExactRules() {
        assertThat(matcher.matchDomain("www.example.vn"))
                .containsExactly(new Match(RuleType.DOMAIN_TREE, "example.vn", List.of(1353L)));
        assertThat(matcher.matchDomain("bad.vn")).containsExactly(new Match(RuleType.DOMAIN, "bad.vn", List.of(7L)));
        assertThat(matcher.matchDomain("good.vn")).isEmpty();
        assertThat(matcher.matchDomain("ample.vn")).isEmpty();
    }

    @Test
    void urlMatchesItsRuleOrItsHost() {
        assertThat(matcher.matchUrl("https://news.vn/a?b=1")).extracting(Match::rule).containsExactly("https://news.vn/a?b=1");
        assertThat(matcher.matchUrl("https://news.vn/other")).isEmpty();
        assertThat(matcher.matchUrl("http://shop.example.vn:8080/x")).extracting(Match::rule).containsExactly("example.vn");
        assertThat(matcher.matchUrl("http://198.51.100.9/x")).extracting(Match::rule).containsExactly("198.51.100.0/24");
    }

    @Test
    void addressMatchesTheCoveringBlock() {
        assertThat(matcher.matchAddress("198.51.100.255"))
                .containsExactly(new Match(RuleType.IPV4, "198.51.100.0/24", List.of(9L)));
        assertThat(matcher.matchAddress("198.51.101.0")).isEmpty();
        assertThat(matcher.matchAddress("2001:db8:0:ffff::1")).extracting(Match::rule).containsExactly("2001:db8::/48");
        assertThat(matcher.matchAddress("2001:db9::")).isEmpty();
    }
}
