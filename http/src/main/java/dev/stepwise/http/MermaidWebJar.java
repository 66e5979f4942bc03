package dev.stepwise.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where Mermaid's browser bundle lies in its WebJar. The folder names the version, which is read
 * from the WebJar's own Maven properties so that the pom stays the one place that pins it.
 */
final class MermaidWebJar {
  private static final String PROPERTIES = "META-INF/maven/org.webjars.npm/mermaid/pom.properties";

  static final String SCRIPT =
      "META-INF/resources/webjars/mermaid/" + version() + "/dist/mermaid.min.js";

  private MermaidWebJar() {}

  private static String version() {
    try (InputStream in = MermaidWebJar.class.getClassLoader().getResourceAsStream(PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException("the Mermaid WebJar is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + PROPERTIES, e);
    }
  }
}
