package dev.stepwise.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The package rules of the runtime, checked on its main classes (tests are not imported).
 *
 * <p>The engine lives in {@code dev.stepwise.runtime.internal}, split by responsibility: the root
 * package wires ({@code Engine}, {@code DefaultWorkflowClient}); {@code model} holds records,
 * outcomes, settings, registry and id schemes; {@code progress} makes pure decisions; {@code store}
 * (with {@code store.dialect}) holds all SQL; {@code exec} runs steps; {@code commit} records what
 * they did; {@code observe} tells waiters and watchers; {@code json} encodes. jOOQ's generated
 * classes are in {@code internal.db}. The rules, one test each:
 *
 * <ol>
 *   <li><b>progress is pure</b>: it depends on no {@code store}, {@code exec}, {@code commit},
 *       {@code observe}, root {@code internal} or generated {@code db} class, and on no {@code
 *       org.jooq}, {@code java.sql} or {@code javax.sql} type.
 *   <li><b>store knows only the model</b>: of our code, {@code store} (with {@code dialect})
 *       depends only on {@code internal.model}, itself, the generated {@code db} classes, the
 *       public {@code dev.stepwise.runtime} package and {@code spi}; of the rest only on {@code
 *       java}, JDBC, jOOQ, Jackson, Flyway, Hikari, SLF4J and the PostgreSQL driver.
 *   <li><b>observe writes nothing</b>: it depends on no {@code store}, {@code commit}, {@code exec}
 *       or {@code db} class, and on no {@code org.jooq}, {@code java.sql} or {@code javax.sql}
 *       type.
 *   <li><b>PostgreSQL is known only to store.dialect</b>: no class outside it reads {@code
 *       SQLDialect.POSTGRES} (a) or uses the {@code org.postgresql} driver (b). A string literal
 *       naming PostgreSQL cannot be checked here.
 *   <li><b>no cycles, and nothing leans on the wiring</b>: the packages directly under {@code
 *       internal} (each with its subpackages, so {@code store} and {@code store.dialect} are one)
 *       have no dependency cycle (a), and no class in a subpackage of {@code internal} depends on
 *       the root {@code internal} package (b).
 *   <li><b>collaborators are wired once</b>: every field declared in {@code internal} whose type is
 *       one of our internal classes, a {@link Runnable} or a {@code java.util.function} type is
 *       {@code final}, so no setter can wire a collaborator after construction. jOOQ's generated
 *       {@code db} classes are left out (their lazily built join paths are not wiring, and the code
 *       is regenerated). The allow-list for exceptions is {@link #MUTABLE_COLLABORATOR_FIELDS} and
 *       is empty.
 *   <li><b>only store touches the generated tables and {@link DSL}</b>: no class outside {@code
 *       store} (and {@code db} itself) uses the generated jOOQ classes or {@code
 *       org.jooq.impl.DSL}. This is a target the split has not reached yet, kept as its own test.
 *   <li><b>the public API exposes no internal type</b>: public and protected fields, methods and
 *       constructors of public classes in {@code dev.stepwise.runtime} and {@code
 *       dev.stepwise.runtime.spi..}, and those classes' supertypes, mention no type of {@code
 *       internal} (generic arguments and thrown types included). This stands in for a module export
 *       check: users' completion sees only the exported packages. Non-public members, such as
 *       {@code Stepwise}'s hold on the engine, may use internal types.
 *   <li><b>schedules start runs only through the workflows' clients</b>: of our code, {@code
 *       schedule} depends only on {@code model}, {@code store} (its SQL), {@code exec} (the loop
 *       thread and outage log), {@code spi} and the public package; of the rest only on {@code
 *       java}, SLF4J and cron-utils. So a tick's run is started, validated and stored exactly as a
 *       caller's is.
 * </ol>
 *
 * <p>Dependencies are read from the class files, so an import used only by a Javadoc {@code
 * {@link}} does not count. Run these alone with {@code mvn -pl runtime -am test
 * -Dtest='dev.stepwise.runtime.architecture.**' -Dsurefire.failIfNoSpecifiedTests=false}: with a
 * single {@code *} after the package, surefire matches no test at all.
 */
@AnalyzeClasses(
    packages = "dev.stepwise.runtime",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String RUNTIME = "dev.stepwise.runtime";
  private static final String SPI = "dev.stepwise.runtime.spi..";
  private static final String INTERNAL = "dev.stepwise.runtime.internal";
  private static final String ALL_INTERNAL = INTERNAL + "..";
  private static final String MODEL = INTERNAL + ".model..";
  private static final String PROGRESS = INTERNAL + ".progress..";
  private static final String STORE = INTERNAL + ".store..";
  private static final String DIALECT = INTERNAL + ".store.dialect..";
  private static final String EXEC = INTERNAL + ".exec..";
  private static final String COMMIT = INTERNAL + ".commit..";
  private static final String OBSERVE = INTERNAL + ".observe..";
  private static final String SCHEDULE = INTERNAL + ".schedule..";

  /** jOOQ's generated tables, keys and records (see the codegen target in runtime/pom.xml). */
  private static final String GENERATED = INTERNAL + ".db..";

  /**
   * Fields rule 6 lets stay non-final, as {@code "pkg.Class.field"}. Empty on purpose: a field that
   * is not a collaborator (a thread, a flag) has a type rule 6 does not look at.
   */
  static final Set<String> MUTABLE_COLLABORATOR_FIELDS = Set.of();

  /** Rule 1. */
  @ArchTest
  static final ArchRule progressIsPure =
      noClasses()
          .that()
          .resideInAPackage(PROGRESS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              STORE,
              EXEC,
              COMMIT,
              OBSERVE,
              INTERNAL,
              GENERATED,
              "org.jooq..",
              "java.sql..",
              "javax.sql..")
          .because("progress makes pure decisions: no SQL, no threads, no wiring");

  /** Rule 2. */
  @ArchTest
  static final ArchRule storeKnowsOnlyTheModel =
      classes()
          .that()
          .resideInAPackage(STORE)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              RUNTIME,
              SPI,
              MODEL,
              STORE,
              GENERATED,
              "java..",
              "javax.sql..",
              "org.jooq..",
              "com.fasterxml.jackson..",
              "org.flywaydb..",
              "com.zaxxer.hikari..",
              "org.slf4j..",
              "org.postgresql..")
          .because("store holds the SQL and nothing else; callers hand it model values");

  /** Rule 3. */
  @ArchTest
  static final ArchRule observeWritesNothing =
      noClasses()
          .that()
          .resideInAPackage(OBSERVE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              STORE, COMMIT, EXEC, GENERATED, "org.jooq..", "java.sql..", "javax.sql..")
          .because("observe only tells waiters and watchers what others have written");

  /** Rule 4a. */
  @ArchTest
  static final ArchRule postgresDialectIsCheckedOnlyInStoreDialect =
      noClasses()
          .that()
          .resideOutsideOfPackage(DIALECT)
          .should()
          .accessField(SQLDialect.class, SQLDialect.POSTGRES.name())
          .because("a database-specific branch belongs in store.dialect");

  /** Rule 4b. */
  @ArchTest
  static final ArchRule postgresDriverIsUsedOnlyInStoreDialect =
      noClasses()
          .that()
          .resideOutsideOfPackage(DIALECT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.postgresql..")
          .because("the PostgreSQL driver's API is a database-specific statement");

  /** Rule 5a. */
  @ArchTest
  static final ArchRule internalPackagesAreFreeOfCycles =
      slices().matching(INTERNAL + ".(*)..").should().beFreeOfCycles();

  /** Rule 5b. */
  @ArchTest
  static final ArchRule nothingDependsOnTheWiring =
      noClasses()
          .that()
          .resideInAPackage(ALL_INTERNAL)
          .and()
          .resideOutsideOfPackage(INTERNAL)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(INTERNAL)
          .because("the root internal package wires the others and is used by none of them");

  /** Rule 6. */
  @ArchTest
  static final ArchRule collaboratorsAreWiredOnce =
      fields()
          .that()
          .areDeclaredInClassesThat()
          .resideInAPackage(ALL_INTERNAL)
          .and()
          .areDeclaredInClassesThat()
          .resideOutsideOfPackage(GENERATED)
          .and(holdACollaborator())
          .should(beFinalUnlessAllowed())
          .because("a collaborator set after construction hides a wiring order");

  /** Rule 7: a target the split has not reached yet; expected to fail until it has. */
  @ArchTest
  static final ArchRule onlyStoreUsesGeneratedTablesAndDsl =
      noClasses()
          .that()
          .resideOutsideOfPackages(STORE, GENERATED)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(GENERATED)
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(DSL.class)
          .because("queries are written in store only");

  /** Rule 8. */
  @ArchTest
  static final ArchRule publicApiExposesNoInternalType =
      classes()
          .that()
          .resideInAnyPackage(RUNTIME, SPI)
          .and(areEffectivelyPublic())
          .should(exposeNoInternalType())
          .because("users see only the exported packages");

  /** Rule 9. */
  @ArchTest
  static final ArchRule schedulesStartRunsOnlyThroughClients =
      classes()
          .that()
          .resideInAPackage(SCHEDULE)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              RUNTIME,
              SPI,
              MODEL,
              STORE,
              EXEC,
              SCHEDULE,
              "java..",
              "org.slf4j..",
              "com.cronutils..")
          .because("a tick's run starts as a caller's does, through the workflow's client");

  private static DescribedPredicate<JavaField> holdACollaborator() {
    return DescribedPredicate.describe(
        "hold an internal collaborator, a Runnable or a java.util.function type",
        field -> {
          JavaClass type = field.getRawType().getBaseComponentType();
          String pkg = type.getPackageName();
          return isInternal(type)
              || type.isEquivalentTo(Runnable.class)
              || pkg.equals("java.util.function");
        });
  }

  private static ArchCondition<JavaField> beFinalUnlessAllowed() {
    return new ArchCondition<>("be final") {
      @Override
      public void check(JavaField field, ConditionEvents events) {
        boolean isFinal = field.getModifiers().contains(JavaModifier.FINAL);
        String name = field.getOwner().getName() + "." + field.getName();
        if (!isFinal && !MUTABLE_COLLABORATOR_FIELDS.contains(name)) {
          events.add(
              SimpleConditionEvent.violated(
                  field,
                  String.format(
                      "Field <%s> of type <%s> is not final", name, field.getRawType().getName())));
        }
      }
    };
  }

  private static DescribedPredicate<JavaClass> areEffectivelyPublic() {
    return DescribedPredicate.describe(
        "are public (and nested only in public classes)", ArchitectureTest::isEffectivelyPublic);
  }

  private static boolean isEffectivelyPublic(JavaClass javaClass) {
    return javaClass.getModifiers().contains(JavaModifier.PUBLIC)
        && javaClass.getEnclosingClass().map(ArchitectureTest::isEffectivelyPublic).orElse(true);
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no type of " + ALL_INTERNAL) {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        javaClass.getSuperclass().ifPresent(t -> report(javaClass, "supertype", t, events));
        javaClass.getInterfaces().forEach(t -> report(javaClass, "supertype", t, events));
        for (JavaField field : javaClass.getFields()) {
          if (isVisibleToUsers(field)) {
            report(field, "type", field.getType(), events);
          }
        }
        for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
          if (!isVisibleToUsers(unit)) {
            continue;
          }
          report(unit, "return type", unit.getReturnType(), events);
          unit.getParameterTypes().forEach(t -> report(unit, "parameter", t, events));
          unit.getThrowsClause().getTypes().forEach(t -> report(unit, "throws", t, events));
        }
      }

      private void report(Object owner, String role, JavaType type, ConditionEvents events) {
        List<String> internal = new ArrayList<>();
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
          if (isInternal(raw)) {
            internal.add(raw.getName());
          }
        }
        if (!internal.isEmpty()) {
          String where =
              owner instanceof JavaMember
                  ? ((JavaMember) owner).getFullName()
                  : ((JavaClass) owner).getName();
          events.add(
              SimpleConditionEvent.violated(
                  owner, String.format("<%s> has %s mentioning %s", where, role, internal)));
        }
      }
    };
  }

  private static boolean isVisibleToUsers(JavaMember member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    return !modifiers.contains(JavaModifier.SYNTHETIC)
        && (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED));
  }

  private static boolean isInternal(JavaClass javaClass) {
    String pkg = javaClass.getPackageName();
    return pkg.equals(INTERNAL) || pkg.startsWith(INTERNAL + ".");
  }
}
