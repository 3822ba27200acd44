package org.interdict;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The pure core (targets, compilation, exports, hashing) stays free of framework types, so it is tested in plain
 * JUnit; and no two top-level packages depend on each other, however indirectly.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.interdict");
    private static final String[] PURE = {
        "org.interdict.target..", "org.interdict.compile..", "org.interdict.export..", "org.interdict.hash.."
    };

    @Test
    void pureCoreImportsNoFramework() {
        noClasses().that().resideInAnyPackage(PURE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "org.hibernate..", "io.vertx..", "io.smallrye..",
                        "org.eclipse.microprofile..", "org.interdict.directive..", "org.interdict.ruleset..",
                        "org.interdict.publish..", "org.interdict.isp..", "org.interdict.config..")
                .check(CLASSES);
    }

    @Test
    void pureCoreReadsNoClock() {
        noClasses().that().resideInAnyPackage(PURE)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.lang.System.class, "currentTimeMillis")
                .check(CLASSES);
    }

    @Test
    void featuresFormNoCycle() {
        slices().matching("org.interdict.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
