package io.trendwire;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;

/** Letting go of intermediate results, cached or checkpointed. */
public final class Checkpoints {
  private Checkpoints() {}

  /**
   * Frees a result: its cache, or the blocks of the local checkpoint it reads (it or a column
   * selection of it), which {@link Dataset#unpersist()} does not reach: they belong to the RDD
   * under the checkpoint's plan and would otherwise stay until the driver's garbage collector
   * drops that RDD.
   */
  public static void release(Dataset<Row> result) {
    result.unpersist();
    LogicalPlan plan = result.queryExecution().analyzed();
    while (!(plan instanceof LogicalRDD) && plan.children().size() == 1) {
      plan = plan.children().head();
    }
    if (plan instanceof LogicalRDD checkpoint) {
      checkpoint.rdd().unpersist(false);
    }
  }
}
