package org.interdict.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The packed keys must never decide against {@link String#compareTo}: strings sharing long prefixes, shorter than
 * a key, holding NUL or chars above 0xFE, and enough of them to take the radix path.
 */
class StringSorterTest {

    @Property(tries = 300)
    void sortsLikeCompareToAndGroupsEqualStrings(@ForAll("strings") List<String> values) {
        StringSorter.Sorted sorted = StringSorter.sort(values.toArray(new String[0]), values.size());

        List<String> expected = new ArrayList<>(values);
        expected.sort(String::compareTo);
        List<String> actual = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            actual.add(values.get(sorted.order()[k]));
            boolean differs = k == 0 || !actual.get(k).equals(actual.get(k - 1));
            assertThat(sorted.startsGroup()[k]).isEqualTo(differs);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<String>> strings() {
        Arbitrary<String> tail = Arbitraries.strings().withChars("ab.\u0000\u00e9\u00ff\u0100\u1ec7").ofMaxLength(12);
        Arbitrary<String> prefix = Arbitraries.of("", "https://", "https://www.example.", "xn--", "abcdefgh");
        Arbitrary<String> value = Combinators.combine(prefix, tail).as(String::concat);
        // up to well past the size below which insertion sort is used, so the radix passes run as well
        return value.list().ofMaxSize(1200);
    }
}
