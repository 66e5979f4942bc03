// The example Spring Boot application (example-spring-app/) built by Gradle instead of Maven.
// Documentation: not run by this project's build (see docs/spring.md, "Gradle").
rootProject.name = "stepwise-example-spring-app-gradle"
