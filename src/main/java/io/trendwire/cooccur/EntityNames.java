package io.trendwire.cooccur;

import static io.trendwire.schema.Columns.ENTITY_ID;
import static io.trendwire.schema.Columns.NAME;

import io.trendwire.entities.EntityType;
import io.trendwire.entities.GazetteerEntity;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Display names of entities for the pair and watch reports. */
public final class EntityNames {
  private EntityNames() {}

  /**
   * entities/ names (candidates carry their most frequent spelling there), and the gazetteer's
   * for countries not in entities/: a country only reached by roll-up ("Mosca" counts for Russia)
   * may never be named itself. Output: entity_id, name (one row per id).
   */
  public static Dataset<Row> of(Dataset<Row> entities, List<GazetteerEntity> gazetteer) {
    List<Row> rows = new ArrayList<>(gazetteer.size());
    for (GazetteerEntity e : gazetteer) {
      if (e.type() != EntityType.COUNTRY) {
        continue;
      }
      rows.add(RowFactory.create(e.id(), e.name()));
    }
    Dataset<Row> all = entities.sparkSession().createDataFrame(rows, new StructType()
        .add(ENTITY_ID, DataTypes.StringType, false).add(NAME, DataTypes.StringType, true));
    Dataset<Row> listed = entities.select(ENTITY_ID, NAME);
    return listed.unionByName(all.join(listed, Cooccurrence.seq(ENTITY_ID), "left_anti"));
  }
}
