package io.voipdoc.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's shape, checked on the compiled classes: stages depend only on earlier stages,
 * and the protocol packages of the decode stage form no cycles. This module sees every stage, so
 * the check lives here.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.voipdoc");

  @Test
  void capture_depends_on_no_later_stage() {
    noClasses()
        .that()
        .resideInAPackage("io.voipdoc.capture..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.voipdoc.decode..", "io.voipdoc.correlate..", "io.voipdoc.diagnose..", "io.voipdoc.cli..")
        .check(CLASSES);
  }

  @Test
  void decode_depends_on_no_later_stage() {
    noClasses()
        .that()
        .resideInAPackage("io.voipdoc.decode..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.voipdoc.correlate..", "io.voipdoc.diagnose..", "io.voipdoc.cli..")
        .check(CLASSES);
  }

  @Test
  void correlate_depends_on_no_later_stage() {
    noClasses()
        .that()
        .resideInAPackage("io.voipdoc.correlate..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.voipdoc.diagnose..", "io.voipdoc.cli..")
        .check(CLASSES);
  }

  @Test
  void diagnose_depends_on_no_later_stage() {
    noClasses()
        .that()
        .resideInAPackage("io.voipdoc.diagnose..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.voipdoc.cli..")
        .check(CLASSES);
  }

  @Test
  void rules_read_facts_not_packets() {
    noClasses()
        .that()
        .resideInAPackage("io.voipdoc.diagnose.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.voipdoc.decode",
            "io.voipdoc.decode.link..",
            "io.voipdoc.decode.ip..",
            "io.voipdoc.decode.tcp..",
            "io.voipdoc.decode.tunnel..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Reader")
        .check(CLASSES);
  }

  @Test
  void decode_protocol_packages_do_not_use_the_orchestrating_package() {
    noClasses()
        .that()
        .resideInAPackage("io.voipdoc.decode.(*)..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.voipdoc.decode")
        .check(CLASSES);
  }

  @Test
  void decode_protocol_packages_are_free_of_cycles() {
    slices().matching("io.voipdoc.decode.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
