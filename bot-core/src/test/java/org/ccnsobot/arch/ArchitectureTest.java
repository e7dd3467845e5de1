package org.ccnsobot.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Core must stay platform-neutral: a third platform is one more module, with no change here. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ccnsobot");

    @Test
    void coreImportsNoPlatformLibraryAndNoAdapter() {
        ArchRule rule = noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("net.dv8tion..", "com.slack..", "org.ccnsobot.discord..", "org.ccnsobot.slack..",
                        "org.ccnsobot.app..")
                .because("bot-core talks to platforms only through org.ccnsobot.port");
        rule.check(CORE);
    }

    @Test
    void theCoreClassesWereActuallyImported() {
        // Guards the rule above against passing vacuously on an empty import.
        org.assertj.core.api.Assertions.assertThat(CORE.contain("org.ccnsobot.bot.Bot")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CORE.contain("org.ccnsobot.port.ChatPlatform")).isTrue();
    }

    @Test
    void thePortAndItsSupportDependOnTheJdkOnly() {
        classes().that().resideInAPackage("org.ccnsobot.port..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.sun.net.httpserver..", "org.ccnsobot.port..", "")
                .because("an adapter builds against the port alone: no Jackson, no core config, no SLF4J (the shared"
                        + " HTTP listener uses the JDK's own com.sun.net.httpserver interfaces and System.Logger)")
                .check(CORE);
    }

    @Test
    void thePortDependsOnNothingButConfigAndTheJdk() {
        noClasses().that().resideInAPackage("org.ccnsobot.port..").should().dependOnClassesThat()
                .resideInAnyPackage("org.ccnsobot.store..", "org.ccnsobot.features..", "org.ccnsobot.bot..",
                        "org.ccnsobot.kernel..", "java.sql..")
                .check(CORE);
    }
}
