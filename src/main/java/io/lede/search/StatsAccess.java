package io.lede.search;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;

/** Entry point for the facade to read stats (keeps {@link StatsReader} package-private). */
public final class StatsAccess {
  private StatsAccess() {}

  public static LedeStats read(IndexSearcher searcher, String generation) throws IOException {
    return StatsReader.read(searcher instanceof LedeSearcher lede ? lede : LedeSearcher.of(searcher.getIndexReader()), generation);
  }
}
