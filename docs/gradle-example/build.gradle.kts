// example-spring-app/ built with Gradle 8 (Kotlin DSL), on Java 17. First install Stepwise into
// the local Maven repository from the root of this project (mvn -B install), then, here:
//   gradle bootRun        (or: gradle test)
// Documentation: this project's build does not run it (see docs/spring.md, "Gradle").
plugins {
    java
    id("org.springframework.boot") version "3.5.7"
    // Boot's plugin applies Boot's dependency versions, as its Maven parent does.
    id("io.spring.dependency-management") version "1.1.7"
}

group = "dev.stepwise.example"
version = "0.1.0-SNAPSHOT"

java {
    toolchain { languageVersion = JavaLanguageVersion.of(17) }
}

repositories {
    mavenLocal() // Stepwise, installed by mvn install
    mavenCentral()
}

// The sources of the Maven example, so the two builds cannot drift apart.
sourceSets {
    main {
        java.srcDir("../../example-spring-app/src/main/java")
        resources.srcDir("../../example-spring-app/src/main/resources")
    }
    test {
        java.srcDir("../../example-spring-app/src/test/java")
    }
}

val stepwiseVersion = "0.1.0-SNAPSHOT"

dependencies {
    // The BOM keeps every Stepwise artifact at one version.
    implementation(platform("dev.stepwise:stepwise-bom:$stepwiseVersion"))
    implementation("dev.stepwise:stepwise-spring-boot-starter")
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation("org.springframework.boot:spring-boot-starter-jdbc")
    implementation("org.springframework.boot:spring-boot-starter-actuator")

    // The annotation processor checks the workflows and generates their runners
    // (SignupWorkflowRunner): on Gradle's processor path, which is apart from the class path.
    annotationProcessor(platform("dev.stepwise:stepwise-bom:$stepwiseVersion"))
    annotationProcessor("dev.stepwise:stepwise-processor")

    testImplementation("org.springframework.boot:spring-boot-starter-test")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
}

tasks.withType<JavaCompile>().configureEach {
    options.encoding = "UTF-8"
    // Boot's plugin adds -parameters too; named here because Spring MVC's @PathVariable needs it.
    options.compilerArgs.addAll(listOf("-parameters", "-Xlint:all", "-Xlint:-processing"))
}

tasks.test {
    useJUnitPlatform()
    // As in the Maven build: H2 2.3.232 has a faulty internal assert that fires under -ea.
    jvmArgs("-da:org.h2...")
}
