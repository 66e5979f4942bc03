package dev.stepwise.example.spring;

import dev.stepwise.runtime.RunStatus;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Starts signups and shows them, through the runner bean the starter made. */
@RestController
public class SignupController {
  private final SignupWorkflowRunner signups;

  public SignupController(SignupWorkflowRunner signups) {
    this.signups = signups;
  }

  /** Starts a signup and answers at once with its run id; the engine runs it durably. */
  @PostMapping("/signups")
  public ResponseEntity<Map<String, String>> start(@RequestBody Signup signup) {
    String runId = signups.startAsync(signup).runId();
    return ResponseEntity.accepted().body(Map.of("runId", runId));
  }

  /** The run's status and its steps. */
  @GetMapping("/signups/{runId}")
  public RunStatus status(@PathVariable String runId) {
    return signups.status(runId);
  }
}
