package dev.stepwise.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.util.ClassUtils;

/**
 * Tells whether a class is annotated {@code @Workflow}. The annotation is kept in the class file
 * only ({@code RetentionPolicy.CLASS}: nothing reads it by reflection), so this reads the class
 * file's annotations, with the ASM that Spring ships, once per bean class at start-up.
 */
final class WorkflowClasses {
  private static final String WORKFLOW = "Ldev/stepwise/Workflow;";

  private WorkflowClasses() {}

  static boolean isWorkflow(Class<?> type) {
    if (type == null) {
      return false;
    }
    Class<?> user = ClassUtils.getUserClass(type); // past a CGLIB subclass, to the user's class
    ClassLoader loader = user.getClassLoader();
    if (loader == null || user.isArray() || user.isPrimitive() || isFramework(user.getName())) {
      return false;
    }
    try (InputStream in =
        loader.getResourceAsStream(
            ClassUtils.convertClassNameToResourcePath(user.getName())
                + ClassUtils.CLASS_FILE_SUFFIX)) {
      if (in == null) {
        return false; // a class made at run time has no class file, and no @Workflow
      }
      AnnotationFinder finder = new AnnotationFinder();
      new ClassReader(in)
          .accept(finder, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      return finder.found;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the class file of " + user.getName(), e);
    }
  }

  /** Spring's and the JDK's own beans are many and never workflows: not read at all. */
  private static boolean isFramework(String name) {
    return name.startsWith("org.springframework.") || name.startsWith("java.");
  }

  /** Notes whether the class carries {@code @Workflow}, visible at run time or not. */
  private static final class AnnotationFinder extends ClassVisitor {
    boolean found;

    AnnotationFinder() {
      super(SpringAsmInfo.ASM_VERSION);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      found |= WORKFLOW.equals(descriptor);
      return null;
    }
  }
}
