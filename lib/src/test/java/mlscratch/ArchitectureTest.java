package mlscratch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/// The project's fixed rules about who may depend on whom, checked on the compiled main classes.
class ArchitectureTest {
    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("mlscratch");
    }

    /// Smile is for loading data and drawing plots; every algorithm here is written from scratch.
    /// Smile's algorithms, math and linear algebra may appear only in tests and benchmarks, as a reference.
    @Test
    void libraryUsesSmileOnlyForDataAndPlots() {
        ArchRule rule = noClasses().that().resideInAPackage("mlscratch..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are in Smile outside smile.io, smile.data, smile.datasets, smile.plot",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> {
                            String p = c.getPackageName();
                            return (p.equals("smile") || p.startsWith("smile."))
                                    && !(p.startsWith("smile.io") || p.startsWith("smile.data")
                                         || p.startsWith("smile.datasets") || p.startsWith("smile.plot"));
                        }));
        rule.check(main);
    }

    /// The fixed dependency list, as seen from main code: the JDK, Smile's data and plot packages, Smile's
    /// CSV layer (Apache Commons CSV: `smile.io.CSV` takes its `CSVFormat`, and `Csv.read` uses its parser to
    /// report the row of bad data, which Smile's reader cannot), and JLine. Nothing else.
    @Test
    void libraryDependsOnlyOnTheJdkSmileAndJLine() {
        noClasses().that().resideInAPackage("mlscratch..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are outside java, javax, jdk, mlscratch, smile.{io,data,datasets,plot}, org.apache.commons.csv, org.jline",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> {
                            String p = c.getPackageName();
                            if (c.isPrimitive() || c.isArray() && c.getBaseComponentType().isPrimitive()) return false;
                            if (c.isArray()) p = c.getBaseComponentType().getPackageName();
                            return !(p.startsWith("java.") || p.startsWith("javax.") || p.startsWith("jdk.")
                                     || p.equals("mlscratch") || p.startsWith("mlscratch.")
                                     || p.startsWith("smile.io") || p.startsWith("smile.data")
                                     || p.startsWith("smile.datasets") || p.startsWith("smile.plot")
                                     || p.startsWith("org.apache.commons.csv") || p.startsWith("org.jline")
                                     || p.startsWith("org.w3c.dom") || p.startsWith("org.xml.sax")   // the JDK's XML (image metadata)
                                     || p.isEmpty());
                        }))
                .check(main);
    }

    /// The layers of lib/ARCHITECTURE.md: the bottom never reaches up.
    @Test
    void linalgDependsOnNothingAboveIt() {
        noClasses().that().resideInAnyPackage("mlscratch.util..", "mlscratch.linalg..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "mlscratch.data..", "mlscratch.metrics..", "mlscratch.optim..", "mlscratch.plot..",
                        "mlscratch.model..", "mlscratch.regression..", "mlscratch.classification..",
                        "mlscratch.clustering..", "mlscratch.tree..", "mlscratch.nn..", "mlscratch.decomposition..",
                        "mlscratch.recommender..", "mlscratch.repl..", "mlscratch.drill..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void modelFamiliesDoNotDependOnTheRepl() {
        noClasses().that().resideInAnyPackage("mlscratch.util..", "mlscratch.linalg..", "mlscratch.data..",
                        "mlscratch.metrics..", "mlscratch.optim..", "mlscratch.model..", "mlscratch.plot..",
                        "mlscratch.regression..", "mlscratch.classification..", "mlscratch.clustering..",
                        "mlscratch.tree..", "mlscratch.nn..", "mlscratch.decomposition..", "mlscratch.recommender..")
                .should().dependOnClassesThat().resideInAnyPackage("mlscratch.repl..", "mlscratch.drill..")
                .allowEmptyShould(true)
                .check(main);
    }
}
