package io.trendwire.schema;

import java.util.Iterator;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/** Small helpers for stages that add columns row by row in mapPartitions. */
public final class Rows {
  private Rows() {}

  /** The row's values followed by {@code extra} empty slots for the columns a stage appends. */
  public static Object[] valuesWithRoom(Row row, int extra) {
    Object[] values = new Object[row.size() + extra];
    for (int i = 0; i < row.size(); i++) {
      values[i] = row.get(i);
    }
    return values;
  }

  /** A lazy mapped iterator: one output row per input row, never a list per partition. */
  public static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public B next() {
        return f.apply(in.next());
      }
    };
  }
}
