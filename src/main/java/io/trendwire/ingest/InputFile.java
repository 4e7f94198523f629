package io.trendwire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** An input file as a reader sees it: its name and its bytes, already decompressed. */
public interface InputFile {
  /** Full path or URI, as written to {@code source_file}. */
  String path();

  /** File name without folders (and without a compression suffix such as .gz). */
  String name();

  /** The decompressed content. */
  InputStream open() throws IOException;

  /** A file in the same folder, if it exists (fundus meta.info, sidecars). */
  Optional<byte[]> readSibling(String name) throws IOException;

  /** Whether a file of that name exists in the same folder. */
  boolean hasSibling(String name) throws IOException;
}
