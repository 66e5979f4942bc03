package dev.stepwise.spring.http;

import dev.stepwise.http.HttpOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code stepwise.http.*} settings of the HTTP API and dashboard mounted in the application.
 */
@ConfigurationProperties(prefix = "stepwise.http")
public class StepwiseHttpProperties {
  /**
   * Whether to mount the HTTP API (/api/*) and dashboard (/dashboard/*) when stepwise-http is
   * there.
   */
  private boolean enabled = true;

  /** Bearer tokens that may only read; with none of either kind, no token is asked for. */
  private List<String> readTokens = new ArrayList<>();

  /** Bearer tokens that may also start, resume, cancel and retry runs. */
  private List<String> operatorTokens = new ArrayList<>();

  /** Largest request body accepted, in bytes; default 1 MiB. */
  private Integer maxBodyBytes;

  /** How long a start with ?wait=true waits for the run to settle; default 30s. */
  private Duration waitTimeout;

  HttpOptions toOptions() {
    HttpOptions options =
        HttpOptions.defaults()
            .readTokens(readTokens.toArray(String[]::new))
            .operatorTokens(operatorTokens.toArray(String[]::new));
    if (maxBodyBytes != null) {
      options = options.maxBodyBytes(maxBodyBytes);
    }
    if (waitTimeout != null) {
      options = options.waitTimeout(waitTimeout);
    }
    return options;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getReadTokens() {
    return readTokens;
  }

  public void setReadTokens(List<String> readTokens) {
    this.readTokens = readTokens;
  }

  public List<String> getOperatorTokens() {
    return operatorTokens;
  }

  public void setOperatorTokens(List<String> operatorTokens) {
    this.operatorTokens = operatorTokens;
  }

  public Integer getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public void setMaxBodyBytes(Integer maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public Duration getWaitTimeout() {
    return waitTimeout;
  }

  public void setWaitTimeout(Duration waitTimeout) {
    this.waitTimeout = waitTimeout;
  }
}
