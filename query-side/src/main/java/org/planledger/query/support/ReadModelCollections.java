package org.planledger.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** What a projection's reset does to its collections. */
public final class ReadModelCollections {

    private ReadModelCollections() {
    }

    /**
     * Empties a collection for a rebuild by dropping it and re-creating its indexes, rather than
     * deleting its documents one by one: the embedded wire server removes each document from its
     * store and its indexes, which was about a tenth of the server's time in a replay (JFR,
     * docs/benchmarks.md), while a drop discards the store's map at once. The indexes are read from
     * the collection itself, so on a real MongoDB the rebuilt collection keeps every index it had.
     */
    public static void clear(MongoCollection<Document> collection) {
        List<Document> indexes = collection.listIndexes().into(new ArrayList<>());
        collection.drop();
        for (Document index : indexes) {
            if ("_id_".equals(index.getString("name"))) {
                continue;
            }
            IndexOptions options = new IndexOptions().name(index.getString("name"))
                    .unique(Boolean.TRUE.equals(index.getBoolean("unique")))
                    .sparse(Boolean.TRUE.equals(index.getBoolean("sparse")));
            collection.createIndex(index.get("key", Document.class), options);
        }
    }
}
