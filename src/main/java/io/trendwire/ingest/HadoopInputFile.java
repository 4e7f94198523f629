package io.trendwire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** An input file on any Hadoop file system, decompressed by its suffix (.gz, .bz2, .zst, ...). */
final class HadoopInputFile implements InputFile {
  private final Path path;
  private final Configuration conf;
  private final CompressionCodec codec;

  HadoopInputFile(Path path, Configuration conf) {
    this.path = path;
    this.conf = conf;
    this.codec = new CompressionCodecFactory(conf).getCodec(path);
  }

  @Override
  public String path() {
    return path.toString();
  }

  @Override
  public String name() {
    String name = path.getName();
    return codec == null ? name : CompressionCodecFactory.removeSuffix(name, codec.getDefaultExtension());
  }

  @Override
  public InputStream open() throws IOException {
    InputStream raw = path.getFileSystem(conf).open(path);
    return codec == null ? raw : codec.createInputStream(raw);
  }

  @Override
  public boolean hasSibling(String name) throws IOException {
    Path sibling = new Path(path.getParent(), name);
    return sibling.getFileSystem(conf).exists(sibling);
  }

  @Override
  public Optional<byte[]> readSibling(String name) throws IOException {
    Path sibling = new Path(path.getParent(), name);
    FileSystem fs = sibling.getFileSystem(conf);
    if (!fs.exists(sibling)) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(sibling)) {
      return Optional.of(in.readAllBytes());
    }
  }
}
