package dev.stepwise.spring.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Hosts the HTTP module's servlet in a container that is not Jetty (Spring Boot's Tomcat). The
 * servlet Javalin hands out is Jetty's WebSocket servlet around Javalin's own: its {@code init}
 * asks the container for Jetty's WebSocket components and fails anywhere else, while its plain HTTP
 * requests (the API, the dashboard, the event streams) go straight to Javalin's servlet and need no
 * init. So {@code init} is kept here instead of passed on; the API has no WebSocket route.
 */
final class JettyFreeServlet implements Servlet {
  private final Servlet delegate;
  private ServletConfig config;

  JettyFreeServlet(Servlet delegate) {
    this.delegate = delegate;
  }

  @Override
  public void init(ServletConfig config) {
    this.config = config;
  }

  @Override
  public ServletConfig getServletConfig() {
    return config;
  }

  @Override
  public void service(ServletRequest request, ServletResponse response)
      throws ServletException, IOException {
    delegate.service(request, response);
  }

  @Override
  public String getServletInfo() {
    return delegate.getServletInfo();
  }

  @Override
  public void destroy() {
    // Nothing was initialised, so nothing to destroy: the engine closes with the context.
  }
}
