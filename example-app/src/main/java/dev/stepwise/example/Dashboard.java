package dev.stepwise.example;

import dev.stepwise.http.HttpOptions;
import dev.stepwise.http.PortInUseException;
import dev.stepwise.http.StepwiseHttp;
import dev.stepwise.http.StepwiseServer;
import dev.stepwise.runtime.Stepwise;

/**
 * Serves the HTTP API and dashboard on loopback: on the asked port, or a free one if it is taken.
 */
final class Dashboard {
  private Dashboard() {}

  static StepwiseServer serve(Stepwise engine, int port) {
    try {
      return StepwiseHttp.serve(engine, HttpOptions.defaults().port(port));
    } catch (PortInUseException e) {
      System.out.println("   port " + port + " is taken; serving on a free one instead");
      return StepwiseHttp.serve(engine, HttpOptions.defaults());
    }
  }
}
