package org.ccnsobot.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of bot-core, as tests. Every rule is checked with {@code allowEmptyShould(false)}, so a rule
 * whose classes are not found (a package renamed) fails instead of passing vacuously.
 */
class DependencyRulesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ccnsobot");

    @Test
    void noPackageCycleInCore() {
        slices().matching("org.ccnsobot.(**)").should().beFreeOfCycles().allowEmptyShould(false).check(CORE);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("org.ccnsobot.features.(*)..").should().beFreeOfCycles().allowEmptyShould(false).check(CORE);
    }

    @Test
    void theKernelStoreDomainAndPortDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("org.ccnsobot.kernel..", "org.ccnsobot.store..",
                        "org.ccnsobot.domain..", "org.ccnsobot.port..", "org.ccnsobot.time..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ccnsobot.features..", "org.ccnsobot.bot..")
                .because("features build on the kernel, never the other way round")
                .allowEmptyShould(false).check(CORE);
    }

    @Test
    void featuresUseOtherFeaturesOnlyThroughTheirPublicTypes() {
        classes().that().resideInAPackage("org.ccnsobot.features..")
                .should(new ArchCondition<JavaClass>("use another feature only through its public types") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = feature(origin);
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            String other = feature(target);
                            if (other != null && !other.equals(own)
                                    && !target.getModifiers().contains(JavaModifier.PUBLIC)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                        + ": a non-public type of feature " + other));
                            }
                        }
                    }
                })
                .allowEmptyShould(false).check(CORE);
    }

    /** The feature a class belongs to ("calendar" for org.ccnsobot.features.calendar.Views), or null. */
    private static String feature(JavaClass c) {
        String p = c.getPackageName();
        String prefix = "org.ccnsobot.features.";
        if (!p.startsWith(prefix)) {
            return null;
        }
        String rest = p.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
