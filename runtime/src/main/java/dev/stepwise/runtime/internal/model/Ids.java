package dev.stepwise.runtime.internal.model;

/**
 * Every id scheme the engine derives from another id, in one place: the row of a fan-out element
 * ({@code step[3]}), the row of a finished loop iteration ({@code step#2}), a child run ({@code
 * parentRun/step}) and the event that wakes a child's parent ({@code child:parentRun/step}). Rows
 * and runs are found again by these ids after a crash, so they must never change.
 */
public final class Ids {
  private Ids() {}

  /** The row of element {@code index} of fan-out step {@code stepId}. */
  public static String itemId(String stepId, int index) {
    return stepId + "[" + index + "]";
  }

  /** True for the row of one element of a fan-out. */
  public static boolean isItem(String stepId) {
    return stepId.endsWith("]") && stepId.indexOf('[') > 0;
  }

  /** The graph step an element row belongs to; the id itself for any other row. */
  public static String stepOf(String rowId) {
    return isItem(rowId) ? rowId.substring(0, rowId.indexOf('[')) : rowId;
  }

  /** The element index of a fan-out element row. */
  public static int indexOf(String itemId) {
    return Integer.parseInt(itemId.substring(itemId.indexOf('[') + 1, itemId.length() - 1));
  }

  /** The row id of iteration {@code k} of a loop step. */
  public static String iterationId(String stepId, int k) {
    return stepId + "#" + k;
  }

  /** The id of the child run that step {@code stepId} of {@code parentRunId} starts. */
  public static String childId(String parentRunId, String stepId) {
    return parentRunId + "/" + stepId;
  }

  /** The id of the top-level run of a child run's family; null for a top-level run. */
  public static String rootOf(String runId) {
    int slash = runId.indexOf('/');
    return slash > 0 ? runId.substring(0, slash) : null;
  }

  /**
   * The root_id that {@code runId}'s family shares: its top-level run's id (the run's own for a
   * top-level run). Whether any run has it tells whether the run may have child runs.
   */
  public static String familyOf(String runId) {
    String root = rootOf(runId);
    return root == null ? runId : root;
  }

  /** The event a finished child run sends its parent's waiting step. */
  public static String childEventOf(String childRunId) {
    return "child:" + childRunId;
  }
}
