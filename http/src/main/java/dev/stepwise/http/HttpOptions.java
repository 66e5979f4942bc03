package dev.stepwise.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of the HTTP API: where it listens, how large a request body may be, how long {@code
 * ?wait=true} waits, and the bearer tokens of its two roles.
 *
 * @param host the address to bind; anything but a loopback address requires tokens
 * @param port the port; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted; larger ones are refused with 413
 * @param waitTimeout how long a start with {@code ?wait=true} waits for the run to settle
 * @param readTokens tokens that may only read (GET)
 * @param operatorTokens tokens that may also start, resume, cancel and retry runs (POST)
 */
public record HttpOptions(
    String host,
    int port,
    int maxBodyBytes,
    Duration waitTimeout,
    Set<String> readTokens,
    Set<String> operatorTokens) {

  public HttpOptions {
    readTokens = Set.copyOf(readTokens);
    operatorTokens = Set.copyOf(operatorTokens);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
    }
  }

  /** Loopback, a free port, 1 MiB bodies, 30 s waits, no tokens. */
  public static HttpOptions defaults() {
    return new HttpOptions("127.0.0.1", 0, 1 << 20, Duration.ofSeconds(30), Set.of(), Set.of());
  }

  public HttpOptions host(String host) {
    return new HttpOptions(host, port, maxBodyBytes, waitTimeout, readTokens, operatorTokens);
  }

  public HttpOptions port(int port) {
    return new HttpOptions(host, port, maxBodyBytes, waitTimeout, readTokens, operatorTokens);
  }

  public HttpOptions maxBodyBytes(int bytes) {
    return new HttpOptions(host, port, bytes, waitTimeout, readTokens, operatorTokens);
  }

  public HttpOptions waitTimeout(Duration timeout) {
    return new HttpOptions(host, port, maxBodyBytes, timeout, readTokens, operatorTokens);
  }

  public HttpOptions readTokens(String... tokens) {
    return new HttpOptions(host, port, maxBodyBytes, waitTimeout, Set.of(tokens), operatorTokens);
  }

  public HttpOptions operatorTokens(String... tokens) {
    return new HttpOptions(host, port, maxBodyBytes, waitTimeout, readTokens, Set.of(tokens));
  }

  /** True if any token is configured, so every request must carry one. */
  public boolean requiresTokens() {
    return !readTokens.isEmpty() || !operatorTokens.isEmpty();
  }

  /** True if {@link #host} is a loopback address, reachable from this machine only. */
  boolean isLoopback() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false; // an unresolvable host is not known to be local: treat it as exposed
    }
  }
}
