package org.ccnsobot.discord;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter knows core only through the port and its support package: a new platform needs nothing else. */
class AdapterDependencyTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ccnsobot.discord");

    @Test
    void theAdapterDependsOnlyOnThePortAndItsSupportInCore() {
        classes().that().resideInAPackage("org.ccnsobot.discord..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("org.ccnsobot.discord..", "org.ccnsobot.port..")
                        .or(resideOutsideOfPackage("org.ccnsobot..")))
                .allowEmptyShould(false).check(ADAPTER);
    }
}
